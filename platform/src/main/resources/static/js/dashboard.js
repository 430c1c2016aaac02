// Province maps ([data-china-map]): the map shape ships in the jar (/maps/china.json), the
// figures come from the element's data-source every 30 seconds.
(function () {
  var maps = document.querySelectorAll('[data-china-map]');
  if (!maps.length || !window.echarts) {
    return;
  }
  var geo = fetch(maps[0].dataset.geo)
    .then(function (r) { return r.json(); })
    .then(function (json) { echarts.registerMap('china', json); });
  maps.forEach(function (element) {
    geo.then(function () { provinceMap(element); });
  });

  function provinceMap(element) {
    var chart = echarts.init(element);
    function render(figures) {
      var max = figures.reduce(function (m, f) { return Math.max(m, f.value); }, 0);
      chart.setOption({
        tooltip: {
          trigger: 'item',
          formatter: function (p) {
            // A province without figures shows the element's data-empty text, never "null" or "NaN".
            var known = p.data && p.data.value != null && !isNaN(p.data.value);
            var name = p.data ? p.data.fullName : p.name;
            return known ? name + '<br>' + element.dataset.series + ': ' + p.data.value
                         : name + '<br>' + (element.dataset.empty || '—');
          }
        },
        visualMap: { min: 0, max: Math.max(max, 1), left: 'left', bottom: 10, calculable: true,
                     inRange: { color: ['#e0ecf8', '#1d4f91'] } },
        series: [{
          name: element.dataset.series, type: 'map', map: 'china', roam: true,
          emphasis: { label: { show: true } },
          data: figures.map(function (f) {
            return { name: f.name, fullName: f.fullName, code: f.code, value: f.value };
          })
        }]
      });
      element.setAttribute('data-rendered', String(figures.length));
    }
    function refresh() {
      fetch(element.dataset.source, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(render);
    }
    refresh();
    setInterval(refresh, 30000);
    window.addEventListener('resize', function () { chart.resize(); });
  }
})();
