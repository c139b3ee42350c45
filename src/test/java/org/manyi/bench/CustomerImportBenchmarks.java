package org.manyi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.manyi.customers.internal.CustomerImport;
import org.manyi.customers.internal.CustomerImports;
import org.manyi.customers.internal.ImportReport;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Role;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.platform.JobStatus;
import org.manyi.platform.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 3's target: a 1,000,000-row customer CSV imported in under 2 minutes on PostgreSQL. Rows
 * are generated with Chinese names, unique mobiles and external IDs, cities, sources and tags; the
 * whole import job is timed (parsing, validation, matching, encryption, batched writes, audit),
 * then the same file again (every row matched and unchanged). Rows: {@code -Dmanyi.bench.rows}.
 */
@Tag("benchmark")
@SpringBootTest(properties = "logging.level.root=WARN")
class CustomerImportBenchmarks {

  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"
  };
  private static final String[] CITIES = {"上海", "北京", "广州", "深圳", "杭州", "成都", "武汉", "南京"};
  private static final String[] SOURCES = {"门店", "天猫", "京东", "微信", "官网", "转介绍"};

  @Autowired CustomerImports imports;
  @Autowired Jobs jobs;
  @Autowired Users users;
  @Autowired JsonMapper json;

  @Test
  void importsAMillionRowCsv(@TempDir Path dir) throws Exception {
    int rows = Integer.getInteger("manyi.bench.rows", 1_000_000);
    Path file = dir.resolve("customers.csv");
    String run = UUID.randomUUID().toString().substring(0, 6);
    Random random = new Random(7);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("姓名,手机,性别,生日,城市,来源,外部编号,标签\n");
      for (int i = 0; i < rows; i++) {
        out.write(
            SURNAMES[random.nextInt(SURNAMES.length)]
                + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "")
                + ",1%d%09d".formatted(3 + random.nextInt(7), (i * 7919L) % 1_000_000_000L)
                + (random.nextBoolean() ? ",男," : ",女,")
                + (1950 + random.nextInt(55))
                + "-0"
                + (1 + random.nextInt(9))
                + "-1"
                + random.nextInt(9)
                + ","
                + CITIES[random.nextInt(CITIES.length)]
                + ","
                + SOURCES[random.nextInt(SOURCES.length)]
                + ",B"
                + run
                + "-"
                + i
                + ","
                + (i % 5 == 0 ? "VIP" : "")
                + "\n");
      }
    }
    UserSummary admin = users.findByUsername("admin").orElseThrow();
    CurrentUser me =
        new CurrentUser(admin.id(), "admin", "admin", Set.of(Role.ADMIN), admin.teamId(), false);

    for (String pass : new String[] {"new", "unchanged"}) {
      long start = System.nanoTime();
      CustomerImport created;
      try (InputStream in = Files.newInputStream(file)) {
        created = imports.upload(in, "bench.csv", null, me);
      }
      UUID job = imports.start(created.id(), me);
      while (!jobs.find(job).orElseThrow().status().finished()) {
        Thread.sleep(200);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      var view = jobs.find(job).orElseThrow();
      assertThat(view.status()).as(String.valueOf(view.error())).isEqualTo(JobStatus.SUCCEEDED);
      ImportReport report = json.treeToValue(view.result(), ImportReport.class);
      assertThat(report.rejected()).isZero();
      Benchmark.record(
          "customer import, %,d-row CSV, %s rows (%s)".formatted(rows, pass, Benchmark.machine()),
          seconds * 1000,
          "ms");
      Benchmark.record("customer import throughput, " + pass + " rows", rows / seconds, "rows/s");
    }
  }
}
