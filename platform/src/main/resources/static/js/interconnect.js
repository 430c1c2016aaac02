// Quality chart of a link page ([data-quality-chart]): per test, the cross-network delay against the
// receiving network's internal delay (ms, left axis) and the same for loss (%, right axis); tests the
// serious-fault rule counts as bad are marked. Figures come inline as
// {categories, delay, internalDelay, loss, internalLoss: {name, data}, bad: [index], badName}.
(function () {
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('[data-quality-chart]').forEach(function (element) {
    var chart = echarts.init(element);
    var data = JSON.parse(element.dataset.chartJson);
    function line(series, axis, dashed) {
      return { name: series.name, type: 'line', yAxisIndex: axis, data: series.data, showSymbol: false,
               lineStyle: dashed ? { type: 'dashed' } : {} };
    }
    var bad = data.bad.map(function (i) { return [data.categories[i], data.delay.data[i]]; });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 50, right: 50, top: 40, bottom: 60, containLabel: true },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 20, bottom: 10 }],
      xAxis: { type: 'category', data: data.categories, axisLabel: { show: false } },
      yAxis: [{ type: 'value', name: 'ms' }, { type: 'value', name: '%' }],
      series: [
        line(data.delay, 0, false),
        line(data.internalDelay, 0, true),
        line(data.loss, 1, false),
        line(data.internalLoss, 1, true),
        { name: data.badName, type: 'scatter', yAxisIndex: 0, data: bad, symbolSize: 10,
          itemStyle: { color: '#dc3545' } }
      ]
    });
    element.setAttribute('data-rendered', String(data.categories.length));
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
