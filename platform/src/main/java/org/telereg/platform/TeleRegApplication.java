package org.telereg.platform;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.telereg.engine.fraud.CdrGenerateCommand;
import org.telereg.engine.fraud.FraudScanCommand;
import org.telereg.engine.fraud.FraudTrainCommand;
import org.telereg.engine.sms.SmsScreenCommand;
import org.telereg.engine.sms.SmsTrainCommand;

/**
 * The TeleReg platform: one Spring Modulith application, one module per regulatory domain.
 *
 * <p>The same jar is the web server ({@code telereg serve}) and the batch tool. Commands that work on
 * the platform's database ({@code audit-verify}, {@code create-admin}) start the application without
 * a web server and run one {@link BatchCommand} bean; engine commands ({@code sms-screen}, …) work on
 * files only and start no Spring at all.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TeleRegApplication {

    /** What {@code telereg --help} lists; a batch command's name is also its bean name. */
    static final List<CommandLineEntry> COMMANDS = List.of(
            new CommandLineEntry(
                    "serve",
                    "serve [--demo] [--postgres] [--server.port=8080]",
                    "启动平台（控制台、公众门户、API） / start the platform (console, public portal, API)"),
            new CommandLineEntry(
                    "create-admin",
                    "create-admin <username> <display name>",
                    "创建部系统管理员（密码取自 TELEREG_ADMIN_PASSWORD 或标准输入） / create a ministry administrator"),
            new CommandLineEntry(
                    "audit-verify",
                    "audit-verify",
                    "校验审计日志哈希链 / verify the audit log's hash chain; exit 1 when it is broken"),
            new CommandLineEntry(
                    "segments-seed",
                    "segments-seed",
                    "按参考号段数据分配基础运营商移动网号段（可重复执行） / allocate the basic operators' mobile segments"
                            + " from the reference data; running it again adds only what is missing"),
            new CommandLineEntry(
                    "fraud-scan",
                    "fraud-scan --calls voc.csv [--sms sms.csv] [--users user.csv] [--model m] --out suspects.csv",
                    "从话单识别涉诈号码 / score every number of a CDR file; one row per subscriber",
                    FraudScanCommand::run),
            new CommandLineEntry(
                    "fraud-train",
                    "fraud-train --calls voc.csv [--sms …] [--users …] --labels labels.csv --out model.txt",
                    "训练涉诈识别模型 / fit the fraud model on labelled call records",
                    FraudTrainCommand::run),
            new CommandLineEntry(
                    "cdr-generate",
                    "cdr-generate --out dir --subscribers N --seed S [--days D]",
                    "生成带标注的模拟话单 / write seeded call, SMS and user records with ground truth",
                    CdrGenerateCommand::run),
            new CommandLineEntry(
                    "sms-screen",
                    "sms-screen --in messages.tsv --out verdicts.tsv [--model m]",
                    "短信筛查（正常/广告/诈骗） / screen messages: normal, ad or fraud, with reasons",
                    SmsScreenCommand::run),
            new CommandLineEntry(
                    "sms-train",
                    "sms-train --in labelled.tsv --out model.bin",
                    "训练短信筛查模型 / train the SMS screening model from labelled messages",
                    SmsTrainCommand::run));

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            // The web server's threads keep the JVM alive; no System.exit here.
            serve(Arrays.asList(args).subList(1, args.length));
            return;
        }
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            printHelp(out);
            return 0;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (command.equals("serve") || COMMANDS.stream().noneMatch(c -> c.name().equals(command))) {
            err.println("未知命令 / unknown command: " + command);
            printHelp(err);
            return 2;
        }
        CommandLineEntry entry = COMMANDS.stream()
                .filter(c -> c.name().equals(command))
                .findFirst()
                .orElseThrow();
        return entry.engine() != null ? entry.engine().run(rest, out, err) : runBatch(command, rest, out);
    }

    private static void serve(List<String> options) {
        List<String> profiles = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (String option : options) {
            switch (option) {
                case "--demo" -> profiles.add("demo");
                case "--postgres" -> profiles.add("postgres");
                default -> springArgs.add(option);
            }
        }
        SpringApplication application = new SpringApplication(TeleRegApplication.class);
        application.setAdditionalProfiles(profiles.toArray(String[]::new));
        application.run(springArgs.toArray(String[]::new));
    }

    private static int runBatch(String command, List<String> options, PrintStream out) {
        List<String> profiles = new ArrayList<>();
        // Spring's own options (--spring.datasource.url=…, --logging.level.root=…) configure the
        // application; everything else belongs to the command.
        List<String> springArgs = new ArrayList<>(List.of("--logging.level.root=warn"));
        List<String> commandArgs = new ArrayList<>();
        for (String option : options) {
            if (option.equals("--postgres")) {
                profiles.add("postgres");
            } else if (option.startsWith("--spring.") || option.startsWith("--logging.")) {
                springArgs.add(option);
            } else {
                commandArgs.add(option);
            }
        }
        SpringApplication application = new SpringApplication(TeleRegApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles(profiles.toArray(String[]::new));
        application.setLogStartupInfo(false);
        application.setBannerMode(Banner.Mode.OFF);
        try (ConfigurableApplicationContext context = application.run(springArgs.toArray(String[]::new))) {
            return context.getBean(command, BatchCommand.class).run(commandArgs, out);
        }
    }

    private static void printHelp(PrintStream out) {
        out.println("TeleReg 信息通信监管平台");
        out.println();
        out.println("用法 / usage: ./telereg <command> [options]");
        out.println();
        for (CommandLineEntry command : COMMANDS) {
            out.printf("  %-52s %s%n", command.usage(), command.summary());
        }
        out.println();
        out.println(
                "数据库 / database: embedded H2 under ./data by default; --postgres or TELEREG_DB_URL for PostgreSQL.");
    }

    /**
     * One command of {@code ./telereg}.
     *
     * @param engine the engine entry point for commands that need no database, else null
     */
    record CommandLineEntry(String name, String usage, String summary, EngineCommand engine) {

        CommandLineEntry(String name, String usage, String summary) {
            this(name, usage, summary, null);
        }
    }

    /** An engine command's entry point: arguments, standard output and error, exit code. */
    @FunctionalInterface
    interface EngineCommand {
        int run(List<String> arguments, PrintStream out, PrintStream err);
    }
}
