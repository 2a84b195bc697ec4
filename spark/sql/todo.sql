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

CREATE TEMPORARY VIEW results (
  project_id STRING, state STRING,
  findings ARRAY<STRUCT<rule: STRING, article: INT, severity: STRING, message: STRING, due: STRING>>,
  deadlines ARRAY<STRUCT<rule: STRING, event: STRING, due: STRING>>,
  error STRUCT<code: STRING, message: STRING>, file STRING, offset BIGINT)
USING json OPTIONS (path '${output}/part-*');

CREATE TEMPORARY VIEW records (id STRING, name STRING, owner_unit STRING)
USING json OPTIONS (path '${input}');

CREATE TEMPORARY VIEW todo AS
WITH named AS (
  SELECT r.*, p.name, p.owner_unit
  FROM results r LEFT JOIN (SELECT DISTINCT id, name, owner_unit FROM records WHERE id IS NOT NULL) p
    ON p.id = r.project_id)
SELECT project_id, name, owner_unit, state, 'overdue' AS kind, f.rule, f.article, f.severity, f.due, f.message
FROM named LATERAL VIEW explode(findings) AS f
WHERE f.severity = 'violation'
UNION ALL
SELECT project_id, name, owner_unit, state, 'upcoming', d.rule,
       CAST(regexp_extract(d.rule, '^art(\\d+)\\.', 1) AS INT), NULL, d.due,
       concat('应于 ', d.due, ' 前办理“', d.event, '” / send ', d.event, ' by ', d.due)
FROM named LATERAL VIEW explode(deadlines) AS d
WHERE d.due BETWEEN '${as_of}' AND CAST(date_add(DATE '${as_of}', ${within}) AS STRING)
UNION ALL
SELECT project_id, name, owner_unit, NULL, 'unreadable', error.code, NULL, NULL, NULL,
       concat(error.message, ' (', file, ' @ ', offset, ')')
FROM named WHERE error IS NOT NULL;

INSERT OVERWRITE DIRECTORY '${todo}' USING csv OPTIONS (header 'true')
SELECT * FROM todo ORDER BY owner_unit, due, project_id, rule;
