// The filing application form (#services): add and remove service rows, and show each row's website or
// App fields by its kind. Rows are named services[0]., services[1]. …; after a removal they are numbered
// again so that the server's problems (services[1].domains) land beside the row the user sees. Without
// this script the form files the rows the server rendered.
(function () {
  var services = document.getElementById('services');
  var template = document.getElementById('service-template');
  var add = document.getElementById('add-service');
  if (!services || !template || !add) {
    return;
  }
  var max = parseInt(services.getAttribute('data-max-rows'), 10) || 20;

  function rows() {
    return Array.prototype.slice.call(services.querySelectorAll('.service-row'))
      .filter(function (row) { return !template.content.contains(row); });
  }

  function rename(row, from, to) {
    row.querySelectorAll('[name], [id], [for]').forEach(function (element) {
      ['name', 'id', 'for'].forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value && value.indexOf(from) === 0) {
          element.setAttribute(attribute, to + value.substring(from.length));
        }
      });
    });
  }

  function showKind(row) {
    var kind = row.querySelector('select[name$=".kind"]');
    var website = !kind || kind.value === 'WEBSITE';
    row.querySelectorAll('[data-service-kind]').forEach(function (field) {
      field.hidden = (field.getAttribute('data-service-kind') === 'WEBSITE') !== website;
    });
  }

  function renumber() {
    var all = rows();
    all.forEach(function (row, index) {
      var current = row.querySelector('select[name$=".kind"]').getAttribute('name');
      rename(row, current.substring(0, current.length - 'kind'.length), 'services[' + index + '].');
      row.querySelector('.service-index').textContent = String(index + 1);
      row.querySelector('.remove-service').hidden = all.length < 2;
    });
    add.hidden = all.length >= max;
  }

  function prepare(row) {
    row.querySelector('select[name$=".kind"]').addEventListener('change', function () { showKind(row); });
    row.querySelector('.remove-service').addEventListener('click', function () {
      row.remove();
      renumber();
    });
    showKind(row);
  }

  add.addEventListener('click', function () {
    var row = template.content.firstElementChild.cloneNode(true);
    rename(row, 'services[new].', 'services[' + rows().length + '].');
    add.before(row);
    prepare(row);
    renumber();
    row.querySelector('input[name$=".name"]').focus();
  });

  rows().forEach(prepare);
  renumber();
})();
