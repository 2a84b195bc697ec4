-- The to-do rows of a night's run (docs/spark.md): the columns of `govit todo --format csv`
-- (project_id, name, owner_unit, state, kind, rule, article, severity, due, message), from
-- OUTPUT/part-* and the input dump (for name and owner unit), plus one `unreadable` row per
-- error line for whoever keeps the data. Run on the cluster that ran the job:
--
--   spark-sql --conf spark.sql.catalogImplementation=in-memory \
--     -d output=OUTPUT -d input=INPUT -d as_of=YYYY-MM-DD -d within=7 -d todo=TODO_DIR -f spark/sql/todo.sql
--
-- kind: overdue  = a `violation` finding as of AS_OF (its `due` passed);
--       upcoming = a deadline due from AS_OF to AS_OF + within days (severity is left empty:
--                  the finding it becomes if missed is named by `rule`);
--       unreadable = a record the kernel could not read (rule: the error code).

-- lineSep: a record ends at \n alone, as in the job (Spark's default also ends one at a \r).
CREATE TEMPORARY VIEW results (
  project_id STRING, state STRING,
  findings ARRAY<STRUCT<rule: STRING, article: INT, severity: STRING, message: STRING, due: STRING>>,
  deadlines ARRAY<STRUCT<rule: STRING, event: STRING, due: STRING>>,
  error STRUCT<code: STRING, message: STRING>, file STRING, offset BIGINT)
USING json OPTIONS (path '${output}', lineSep '\n');

CREATE TEMPORARY VIEW records (id STRING, name STRING, owner_unit STRING)
USING json OPTIONS (path '${input}', lineSep '\n');

-- One pass: each result line gives an array of to-do items, exploded once.
CREATE TEMPORARY VIEW todo AS
SELECT r.project_id, p.name, p.owner_unit, r.state, t.kind, t.rule, t.article, t.severity, t.due, t.message
FROM results r
LEFT JOIN (SELECT DISTINCT id, name, owner_unit FROM records WHERE id IS NOT NULL) p ON p.id = r.project_id
LATERAL VIEW explode(CASE
  WHEN r.error IS NOT NULL THEN
    array(named_struct('kind', 'unreadable', 'rule', r.error.code, 'article', CAST(NULL AS INT),
                       'severity', CAST(NULL AS STRING), 'due', CAST(NULL AS STRING),
                       'message', concat(r.error.message, ' (', r.file, ' @ ', r.offset, ')')))
  ELSE concat(
    transform(filter(r.findings, f -> f.severity = 'violation'),
      f -> named_struct('kind', 'overdue', 'rule', f.rule, 'article', f.article, 'severity', f.severity,
                        'due', f.due, 'message', f.message)),
    transform(filter(r.deadlines,
        d -> d.due BETWEEN '${as_of}' AND CAST(date_add(DATE '${as_of}', ${within}) AS STRING)),
      d -> named_struct('kind', 'upcoming', 'rule', d.rule,
                        'article', CAST(regexp_extract(d.rule, '^art(\\d+)\\.', 1) AS INT),
                        'severity', CAST(NULL AS STRING), 'due', d.due,
                        'message', concat('应于 ', d.due, ' 前办理“', d.event, '” / send ', d.event, ' by ', d.due))))
  END) AS t;

INSERT OVERWRITE DIRECTORY '${todo}' USING csv OPTIONS (header 'true')
SELECT * FROM todo ORDER BY owner_unit, due, project_id, rule;
