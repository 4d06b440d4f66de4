package fr.ressourcesterritoires.searchnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * A single-node OpenSearch cluster for development, started in-process the way OpenSearch's
 * test framework starts its nodes ({@code MockNode}): a {@link Node} whose protected constructor
 * is handed the distribution's modules as classpath plugins, since a Maven-built classpath has no
 * {@code modules/} directory with plugin descriptors. That constructor differs between 2.x and
 * 3.x, hence {@link ClasspathNode}, one per line ({@code src/opensearch2}, {@code src/opensearch3}).
 *
 * <p>Usage: {@code java -cp 'target/lib/*' fr.ressourcesterritoires.searchnode.PortalNode [HOME]
 * [-Ekey=value ...]}. HOME (default {@code $OPENSEARCH_NODE_HOME}, else {@code var/opensearch})
 * gets {@code config/}, {@code data/}, {@code logs/}, {@code tmp/} and {@code opensearch.pid}.
 * A {@code HOME/config/opensearch.yml}, if present, adds settings; {@code -E} arguments override
 * everything. Environment: {@code OPENSEARCH_PORT} (HTTP, default 9200),
 * {@code OPENSEARCH_TRANSPORT_PORT} (default 9300-9399), {@code OPENSEARCH_CLUSTER_NAME}
 * (default portal-dev).
 */
public final class PortalNode extends ClasspathNode {

    /** The modules, by plugin class name: the 2.x name first, then the 3.x one. */
    private static final String[][] MODULES = {
        {"analysis-common", "org.opensearch.analysis.common.CommonAnalysisPlugin",
            "org.opensearch.analysis.common.CommonAnalysisModulePlugin"},
        {"transport-netty4", "org.opensearch.transport.Netty4Plugin",
            "org.opensearch.transport.Netty4ModulePlugin"},
        {"lang-painless", "org.opensearch.painless.PainlessPlugin",
            "org.opensearch.painless.PainlessModulePlugin"},
    };

    /** Modules the node cannot do without (the others are loaded when on the classpath). */
    private static final List<String> REQUIRED = List.of("analysis-common", "transport-netty4");

    /** A module of the distribution found on the classpath: its name and its plugin class. */
    record Module(String name, Class<? extends Plugin> pluginClass) {
    }

    private PortalNode(Environment environment, List<Module> modules) {
        super(environment, modules);
    }

    public static void main(String[] args) throws Exception {
        // As Bootstrap does: catch log4j status errors before logging is configured.
        LogConfigurator.registerErrorListener();
        final PrintStream console = System.err; // LogConfigurator redirects System.out/err to log4j

        Path home = null;
        final Map<String, String> overrides = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("-E") && arg.indexOf('=') > 2) {
                overrides.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (home == null && !arg.startsWith("-")) {
                home = Paths.get(arg);
            } else {
                console.println("usage: PortalNode [HOME] [-Ekey=value ...]");
                System.exit(64);
            }
        }
        if (home == null) {
            home = Paths.get(env("OPENSEARCH_NODE_HOME", "var/opensearch"));
        }
        home = home.toAbsolutePath().normalize();
        final Path config = home.resolve("config");
        for (String dir : List.of("config", "data", "logs", "tmp", "modules", "plugins")) {
            Files.createDirectories(home.resolve(dir));
        }
        try (InputStream template = PortalNode.class.getResourceAsStream("log4j2.properties")) {
            Files.copy(template, config.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }

        final String clusterName = env("OPENSEARCH_CLUSTER_NAME", "portal-dev");
        final Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", clusterName)
            .put("node.name", clusterName)
            .put("network.host", "127.0.0.1")
            .put("http.port", env("OPENSEARCH_PORT", "9200"))
            .put("transport.port", env("OPENSEARCH_TRANSPORT_PORT", "9300-9399"))
            .put("discovery.type", "single-node")
            .put("action.auto_create_index", "true")
            // A nearly full development disk must not turn the cluster yellow or read-only.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            // One node: replicas could never be assigned, so indices would stay yellow.
            .put("cluster.default_number_of_replicas", 0)
            .build();
        final Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, overrides, config, () -> clusterName);

        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(environment.settings()));
        LogConfigurator.configure(environment);
        final Logger logger = LogManager.getLogger(PortalNode.class);

        final Path pidFile = Paths.get(env("OPENSEARCH_PIDFILE", home.resolve("opensearch.pid").toString()));
        final String pid = Long.toString(ProcessHandle.current().pid());
        Files.writeString(pidFile, pid + "\n", StandardCharsets.US_ASCII);

        // The node's threads are daemon threads: keep the JVM alive until the node is closed.
        final CountDownLatch closed = new CountDownLatch(1);
        final Thread keepAlive = new Thread(() -> {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "portal-node[keepAlive]");
        keepAlive.setDaemon(false);
        keepAlive.start();

        final PortalNode node;
        try {
            node = new PortalNode(environment, modules(logger));
        } catch (Throwable t) {
            fail(logger, console, "could not create the node", t, pidFile, pid);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                if (!node.awaitClose(20, TimeUnit.SECONDS)) {
                    logger.warn("the node did not close within 20 s");
                }
                logger.info("stopped");
            } catch (Exception e) {
                logger.error("error while closing the node", e);
            } finally {
                deletePidFile(pidFile, pid);
                closed.countDown();
                // log4j's own shutdown hook is off (-Dlog4j.shutdownHookEnabled=false) so that
                // the close above is still logged; flush and stop it last.
                Configurator.shutdown((LoggerContext) LogManager.getContext(false));
            }
        }, "portal-node[shutdown]"));

        try {
            node.start();
        } catch (Throwable t) {
            fail(logger, console, "could not start the node", t, pidFile, pid);
            return;
        }
        try {
            singleNodeReplicaDefault(node);
        } catch (Throwable t) {
            fail(logger, console, "could not set cluster.default_number_of_replicas", t, pidFile, pid);
            return;
        }
        logger.info("portal node started: http://127.0.0.1:{} (home {})",
            environment.settings().get("http.port"), home);
    }

    /**
     * New indices get no replica, which could never be assigned on one node (they would keep the
     * cluster yellow). OpenSearch 2.x reads {@code cluster.default_number_of_replicas} from the
     * persistent or transient cluster settings only, not from the node's settings: so it is
     * stored as a persistent setting at every start (a retryable block makes the request wait
     * for the cluster state to be recovered).
     */
    private static void singleNodeReplicaDefault(Node node) {
        node.client().admin().cluster().prepareUpdateSettings()
            .setPersistentSettings(Settings.builder().put("cluster.default_number_of_replicas", 0))
            .get(TimeValue.timeValueSeconds(60));
    }

    private static List<Module> modules(Logger logger) {
        final List<Module> plugins = new ArrayList<>();
        for (String[] module : MODULES) {
            Class<? extends Plugin> found = null;
            for (int i = 1; i < module.length && found == null; i++) {
                try {
                    found = Class.forName(module[i]).asSubclass(Plugin.class);
                } catch (ClassNotFoundException e) {
                    // try the next name
                }
            }
            if (found != null) {
                plugins.add(new Module(module[0], found));
                logger.info("module [{}]: {}", module[0], found.getName());
            } else if (REQUIRED.contains(module[0])) {
                throw new IllegalStateException("module [" + module[0] + "] not on the classpath");
            } else {
                logger.info("module [{}] not on the classpath, skipped", module[0]);
            }
        }
        return plugins;
    }

    private static void fail(Logger logger, PrintStream console, String what, Throwable t, Path pidFile, String pid) {
        logger.error(what, t); // with its stack trace, in the log file
        console.println("PortalNode: " + what + ": " + t);
        for (Throwable cause = t.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            console.println("  caused by: " + cause);
        }
        deletePidFile(pidFile, pid);
        System.exit(1); // runs the shutdown hook, which closes whatever was started
    }

    private static void deletePidFile(Path pidFile, String pid) {
        try {
            if (Files.exists(pidFile) && Files.readString(pidFile, StandardCharsets.US_ASCII).trim().equals(pid)) {
                Files.delete(pidFile);
            }
        } catch (IOException e) {
            // nothing more to do on the way out
        }
    }

    private static String env(String name, String fallback) {
        final String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
