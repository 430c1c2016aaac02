// The App ↔ company ↔ SDK graph: [data-graph-source] answers {categories, nodes, links}; flagged nodes
// (repeat offenders, SDKs blamed across companies) are drawn red.
(function () {
  var element = document.getElementById('app-graph');
  if (!element || !window.echarts) {
    return;
  }
  var chart = echarts.init(element);
  var colours = ['#0d6efd', '#6c757d', '#fd7e14'];
  fetch(element.dataset.graphSource, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      chart.setOption({
        tooltip: {},
        legend: { top: 0, data: data.categories.map(function (c) { return c.name; }) },
        series: [{
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          force: { repulsion: 160, edgeLength: 60 },
          label: { show: true, position: 'right', fontSize: 11 },
          categories: data.categories.map(function (c, i) { return { name: c.name, itemStyle: { color: colours[i] } }; }),
          data: data.nodes.map(function (n) {
            return {
              id: n.id, name: n.name, category: n.category, value: n.value,
              symbolSize: n.category === 1 ? 10 + Math.min(n.value, 6) * 3 : 22,
              itemStyle: n.flagged ? { color: '#dc3545', borderColor: '#842029', borderWidth: 2 } : undefined
            };
          }),
          links: data.links
        }]
      });
      element.setAttribute('data-rendered', String(data.nodes.length));
    });
  window.addEventListener('resize', function () { chart.resize(); });
})();
