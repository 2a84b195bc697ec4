package org.govit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.hadoop.mapred.TextOutputFormat;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaHadoopRDD;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.govit.GovitEngine;
import org.govit.GovitException;
import scala.Tuple2;

/**
 * The nightly check on Spark: {@code check} as of a date on every project record of a
 * JSON-lines dump, on the executors, with one engine per executor JVM (docs/spark.md).
 *
 * <pre>spark-submit --class org.govit.spark.NightlyCheck --jars govit-VER.jar govit-spark-VER.jar INPUT OUTPUT AS_OF</pre>
 *
 * Writes {@code OUTPUT/part-*} (one JSON line per record, in input order: its check result,
 * or an error line) and {@code OUTPUT/_summary.json}. The engine configuration (CONTRACT §2)
 * comes from {@code --conf spark.govit.config=JSON}. Exit 0 when the run completed, however
 * many records were unreadable; 2 for bad arguments.
 */
public final class NightlyCheck {
    /** Spark property holding the engine configuration JSON. */
    public static final String CONFIG_KEY = "spark.govit.config";

    private static final String USAGE = String.join("\n",
            "用法 / usage: spark-submit --class org.govit.spark.NightlyCheck --jars govit-<版本>.jar govit-spark-<版本>.jar INPUT OUTPUT AS_OF",
            "  INPUT   项目记录文件，每行一个 JSON 项目记录（可为文件、目录或通配符）",
            "          project records, one JSON record per line (a file, a directory or a glob)",
            "  OUTPUT  结果目录，须尚不存在 / the output directory; it must not exist yet",
            "  AS_OF   检查基准日，格式 YYYY-MM-DD / the date to check as of, YYYY-MM-DD",
            "  --conf " + CONFIG_KEY + "=JSON  引擎配置（如补充日历）/ engine config (e.g. more calendar years)");

    private NightlyCheck() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            fail(USAGE);
        }
        String input = args[0];
        String output = args[1];
        String asOf = args[2];
        SparkConf conf = new SparkConf().setIfMissing("spark.app.name", "govit-nightly-check");
        String config = conf.get(CONFIG_KEY, null);
        ObjectMapper mapper = new ObjectMapper();
        validate(config, asOf, mapper);
        Path out = new Path(output);
        checkPaths(conf, input, out);
        byte[] options = mapper.writeValueAsBytes(mapper.createObjectNode().put("as_of", asOf));
        Instant started = Instant.now();
        Summary summary;
        String kernelVersion = GovitEngine.version();
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            Configuration hadoop = sc.hadoopConfiguration();
            // A record ends at \n alone (JSON lines); Hadoop's default also ends one at a bare \r,
            // which JSON allows between tokens. A \r before the \n stays: JSON white space.
            hadoop.set("textinputformat.record.delimiter", "\n");
            Summary.Accumulator acc = new Summary.Accumulator();
            sc.sc().register(acc, "govit summary");
            long jobStart = System.nanoTime();
            JavaHadoopRDD<LongWritable, Text> lines = (JavaHadoopRDD<LongWritable, Text>) sc.hadoopFile(
                    input, TextInputFormat.class, LongWritable.class, Text.class);
            // No shuffle: the checks run in the stage that writes, so every partition's
            // counts reach the accumulator exactly once (Spark merges a result task's once).
            JavaPairRDD.fromJavaRDD(lines.mapPartitionsWithInputSplit(new CheckPartition(config, options, acc), true))
                    .saveAsHadoopFile(output, NullWritable.class, Text.class, TextOutputFormat.class);
            summary = acc.value();
            double jobSeconds = (System.nanoTime() - jobStart) / 1e9;

            ObjectNode run = mapper.createObjectNode();
            run.put("as_of", asOf);
            run.put("input", input);
            run.put("output", output);
            run.put("kernel_version", kernelVersion);
            run.put("started", started.toString());
            run.put("finished", Instant.now().toString());
            run.put("job_seconds", Math.round(jobSeconds * 1000) / 1000.0); // the Spark job alone, no start-up
            Path file = new Path(out, "_summary.json");
            try (OutputStream s = file.getFileSystem(hadoop).create(file, false)) {
                mapper.writerWithDefaultPrettyPrinter().writeValue(s, summary.toJson(mapper, run));
            }
        }
        System.out.printf("govit nightly check as of %s: %d records, %d checked, %d unreadable, %d findings -> %s%n",
                asOf, summary.records, summary.checked, summary.errors, summary.findings, output);
        System.out.printf("检查基准日 %s：共 %d 条记录，已检查 %d 条，无法读取 %d 条，发现问题 %d 项，结果见 %s%n",
                asOf, summary.records, summary.checked, summary.errors, summary.findings, output);
    }

    /**
     * Refuses a missing input or an existing output before Spark starts, with the Hadoop
     * settings Spark would use (core-site.xml on the class path, {@code spark.hadoop.*}).
     */
    private static void checkPaths(SparkConf conf, String input, Path out) throws IOException {
        Configuration hadoop = new Configuration();
        for (Tuple2<String, String> kv : conf.getAllWithPrefix("spark.hadoop.")) {
            hadoop.set(kv._1(), kv._2());
        }
        if (out.getFileSystem(hadoop).exists(out)) {
            fail("结果目录已存在，请换一个目录或先删除它 / the output directory exists: choose another or remove it: " + out);
        }
        for (String part : input.split(",")) { // hadoopFile takes a comma-separated list of paths or globs
            Path in = new Path(part);
            FileStatus[] found = in.getFileSystem(hadoop).globStatus(in);
            if (found == null || found.length == 0) {
                fail("找不到项目记录文件，请检查路径 / no input at " + part);
            }
        }
    }

    /** Refuses a bad engine configuration or AS_OF here, once, instead of on every record. */
    private static void validate(String config, String asOf, ObjectMapper mapper) throws IOException {
        GovitEngine engine = null;
        try {
            engine = new GovitEngine(config);
        } catch (GovitException e) {
            fail("引擎配置有误，请按错误信息修改 " + CONFIG_KEY + " / bad engine config in " + CONFIG_KEY + ": "
                    + e.errorJson());
        }
        try (GovitEngine e = engine) {
            JsonNode day = mapper.readTree(e.dayInfo(asOf));
            if (!day.path("calendar_known").asBoolean()) {
                String year = asOf.substring(0, 4);
                System.err.println("提示：日历中没有 " + year + " 年的节假日安排，暂按周一至周五为工作日计算，请在 "
                        + CONFIG_KEY + " 中补充该年日历。/ note: the calendar does not know " + year
                        + " (Monday to Friday assumed): add the year to " + CONFIG_KEY + ".");
            }
        } catch (GovitException e) {
            fail("检查基准日须为有效日期，格式 YYYY-MM-DD / AS_OF must be a valid date, YYYY-MM-DD: " + asOf
                    + "\n" + USAGE);
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
