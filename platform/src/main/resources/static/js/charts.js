// Bar and line charts: [data-chart-source] fetches {categories: [...], series: [{name, data: [...]}]}
// from the server, [data-chart-json] carries it inline; data-chart-type is bar (stacked) or line.
(function () {
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('[data-chart-source], [data-chart-json]').forEach(function (element) {
    var chart = echarts.init(element);
    var type = element.dataset.chartType || 'bar';
    var loaded = element.dataset.chartJson
      ? Promise.resolve(JSON.parse(element.dataset.chartJson))
      : fetch(element.dataset.chartSource, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
          .then(function (r) { return r.json(); });
    loaded.then(function (data) {
      chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 20, top: 40, bottom: 40, containLabel: true },
        xAxis: { type: 'category', data: data.categories },
        yAxis: { type: 'value', minInterval: 1 },
        series: data.series.map(function (s) {
          return { name: s.name, type: type, stack: type === 'bar' ? 'total' : undefined, data: s.data,
                   smooth: type === 'line' };
        })
      });
      element.setAttribute('data-rendered', String(data.categories.length));
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
