// Trend charts of the 提速降费看板 ([data-tariff-chart]): one line per operator and figure, the target as
// a dashed line; the figures come inline as {categories, unit, series: [{name, data, dashed}]}.
(function () {
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('[data-tariff-chart]').forEach(function (element) {
    var chart = echarts.init(element);
    var data = JSON.parse(element.dataset.chartJson);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 20, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: data.categories },
      yAxis: { type: 'value', name: data.unit, scale: true },
      series: data.series.map(function (s) {
        return {
          name: s.name, type: 'line', data: s.data, connectNulls: false, smooth: !s.dashed,
          lineStyle: s.dashed ? { type: 'dashed' } : undefined, symbol: s.dashed ? 'none' : 'circle'
        };
      })
    });
    element.setAttribute('data-rendered', String(data.series.length));
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
