-- The per-subscriber features of org.telereg.engine.fraud.Feature that a calls file alone gives, for DuckDB.
-- Same definitions as TeleReg: short call < 15 s, night 0-6 h, late window 7 days, sequential step 10,
-- exact distinct counts. ${file} is replaced by the calls file. Statements are separated by ';' + newline.
SET threads = 2;
CREATE TEMP TABLE calls AS
SELECT phone_no_m AS p, opposite_no_m AS o, calltype_id AS t, start_datetime AS ts, call_dur AS d,
       city_name AS city, county_name AS county, imei_m AS imei
FROM read_csv('${file}', header = true, auto_detect = false,
     columns = {'phone_no_m': 'VARCHAR', 'opposite_no_m': 'VARCHAR', 'calltype_id': 'INTEGER',
                'start_datetime': 'TIMESTAMP', 'call_dur': 'BIGINT', 'city_name': 'VARCHAR',
                'county_name': 'VARCHAR', 'imei_m': 'VARCHAR'});
WITH win AS (SELECT min(ts) AS t0, max(ts) AS t1, CAST(max(ts) AS DATE) AS last_day FROM calls),
per_sub AS (
  SELECT p,
    count(*) FILTER (WHERE t = 1) AS out_calls,
    count(*) FILTER (WHERE t = 2) AS in_calls,
    count(*) FILTER (WHERE t = 3) AS forwarded_calls,
    count(*) FILTER (WHERE t = 1 AND d > 0) AS connected,
    count(*) FILTER (WHERE t = 1 AND d > 0 AND d < 15) AS short_calls,
    sum(d) FILTER (WHERE t = 1 AND d > 0) AS duration_sum,
    quantile_disc(d, 0.5) FILTER (WHERE t = 1 AND d > 0) AS median_d,
    count(*) FILTER (WHERE t = 1 AND hour(ts) < 6) AS night_calls,
    min(ts) AS first_ts
  FROM calls GROUP BY p),
contacts AS (
  SELECT p, o, count(*) FILTER (WHERE t = 1) AS outs, bool_or(t = 2) AS incoming
  FROM calls WHERE t IN (1, 2) GROUP BY p, o),
contact_f AS (
  SELECT p, count(*) FILTER (WHERE outs >= 1) AS distinct_callees,
         count(*) FILTER (WHERE incoming) AS distinct_callers,
         count(*) FILTER (WHERE outs >= 2) AS repeat_callees,
         count(*) FILTER (WHERE outs >= 1 AND incoming) AS callback_callees
  FROM contacts GROUP BY p),
daily AS (SELECT p, CAST(ts AS DATE) AS day, count(*) FILTER (WHERE t = 1) AS n FROM calls GROUP BY p, day),
daily_f AS (
  SELECT p, count(*) AS active_days, max(n) AS max_day, count(*) FILTER (WHERE n > 0) AS out_days,
         sum(n) FILTER (WHERE day > (SELECT last_day FROM win) - 7) AS late_out
  FROM daily GROUP BY p),
hourly AS (SELECT p, date_trunc('hour', ts) AS hr, count(*) AS n FROM calls WHERE t = 1 GROUP BY p, hr),
hourly_f AS (SELECT p, max(n) AS max_hour, count(*) AS out_hours FROM hourly GROUP BY p),
places_f AS (
  SELECT p, count(*) AS distinct_places
  FROM (SELECT p, city, county FROM calls WHERE city IS NOT NULL OR county IS NOT NULL GROUP BY p, city, county)
  GROUP BY p),
sub_imei AS (SELECT p, imei FROM calls WHERE imei IS NOT NULL GROUP BY p, imei),
imei_users AS (SELECT imei, count(*) AS users FROM sub_imei GROUP BY imei),
imei_f AS (
  SELECT s.p, count(*) AS distinct_imeis, count(*) FILTER (WHERE u.users >= 2) AS shared_imeis
  FROM sub_imei s JOIN imei_users u USING (imei) GROUP BY s.p),
numeric_callees AS (
  SELECT p, CAST(o AS BIGINT) AS v FROM contacts
  WHERE outs >= 1 AND length(o) <= 17 AND regexp_full_match(o, '[0-9]+')),
seq AS (
  SELECT p, v, lag(v) OVER w AS prev, lead(v) OVER w AS next
  FROM numeric_callees WINDOW w AS (PARTITION BY p ORDER BY v)),
seq_f AS (
  SELECT p, count(*) AS numeric_callees,
         count(*) FILTER (WHERE v - prev BETWEEN 1 AND 10 OR next - v BETWEEN 1 AND 10) AS sequential
  FROM seq GROUP BY p)
SELECT s.p,
  s.out_calls, s.in_calls, s.forwarded_calls,
  s.in_calls / nullif(s.in_calls + s.out_calls, 0) AS in_share,
  coalesce(c.distinct_callees, 0) AS distinct_callees, coalesce(c.distinct_callers, 0) AS distinct_callers,
  c.distinct_callees / nullif(s.out_calls, 0) AS callees_per_call,
  c.repeat_callees / nullif(c.distinct_callees, 0) AS repeat_contact_ratio,
  c.callback_callees / nullif(c.distinct_callees, 0) AS callback_ratio,
  s.connected / nullif(s.out_calls, 0) AS connected_ratio,
  s.short_calls / nullif(s.connected, 0) AS short_call_ratio,
  s.duration_sum / nullif(s.connected, 0) AS mean_duration,
  CASE WHEN s.median_d >= 1200 THEN 1200 WHEN s.median_d >= 600 THEN 600 WHEN s.median_d >= 300 THEN 300
       WHEN s.median_d >= 120 THEN 120 WHEN s.median_d >= 60 THEN 60 WHEN s.median_d >= 30 THEN 30
       WHEN s.median_d >= 15 THEN 15 WHEN s.median_d >= 10 THEN 10 WHEN s.median_d >= 5 THEN 5
       WHEN s.median_d >= 1 THEN 1 END AS median_duration,
  s.night_calls / nullif(s.out_calls, 0) AS night_ratio,
  d.active_days,
  s.out_calls / d.active_days AS out_per_active_day,
  d.max_day AS max_out_per_day,
  coalesce(h.max_hour, 0) AS max_out_per_hour,
  h.max_hour * h.out_hours / nullif(s.out_calls, 0) AS hourly_burstiness,
  d.max_day * d.out_days / nullif(s.out_calls, 0) AS daily_burstiness,
  coalesce(d.late_out, 0) / nullif(s.out_calls, 0) AS late_out_share,
  coalesce(i.distinct_imeis, 0) AS distinct_imeis, coalesce(i.shared_imeis, 0) AS shared_imeis,
  coalesce(pl.distinct_places, 0) AS distinct_places,
  q.sequential / nullif(q.numeric_callees, 0) AS sequential_ratio,
  CASE WHEN w.t1 = w.t0 THEN 0 ELSE epoch(s.first_ts - w.t0) / epoch(w.t1 - w.t0) END AS first_active
FROM per_sub s CROSS JOIN win w
LEFT JOIN contact_f c USING (p) LEFT JOIN daily_f d USING (p) LEFT JOIN hourly_f h USING (p)
LEFT JOIN places_f pl USING (p) LEFT JOIN imei_f i USING (p) LEFT JOIN seq_f q USING (p)
ORDER BY s.p;
