// Speed charts of the 宽带测速 page ([data-speed-chart]): grouped bars (mean, median, busy-hour mean per
// group) or one line per operator; the figures come inline as {categories, series: [{name, data}]}.
// Unlike charts.js the bars are side by side, not stacked: a mean and a median do not add up.
(function () {
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('[data-speed-chart]').forEach(function (element) {
    var chart = echarts.init(element);
    var type = element.dataset.speedChart;
    var data = JSON.parse(element.dataset.chartJson);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 20, top: 40, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: data.categories, axisLabel: { rotate: type === 'bar' ? 45 : 0 } },
      yAxis: { type: 'value', name: 'Mbit/s' },
      series: data.series.map(function (s) {
        return { name: s.name, type: type, data: s.data, smooth: type === 'line', connectNulls: false };
      })
    });
    element.setAttribute('data-rendered', String(data.categories.length));
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
