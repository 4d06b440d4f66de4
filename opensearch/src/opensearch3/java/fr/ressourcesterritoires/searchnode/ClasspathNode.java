package fr.ressourcesterritoires.searchnode;

import java.util.List;
import java.util.stream.Collectors;

import org.opensearch.Version;
import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;

/**
 * OpenSearch 3.x: {@code Node(Environment, Collection<PluginInfo>, boolean)} takes the classpath
 * plugins as descriptors naming their class (as {@code MockNode} of the 3.x test framework does).
 */
abstract class ClasspathNode extends Node {

    ClasspathNode(Environment environment, List<PortalNode.Module> modules) {
        // forbidPrivateIndexSettings = true, as for a node started by the distribution's Bootstrap.
        super(environment, modules.stream().map(ClasspathNode::info).collect(Collectors.toList()), true);
    }

    private static PluginInfo info(PortalNode.Module module) {
        return new PluginInfo(
            module.name(),
            "module " + module.name() + ", from the classpath",
            Version.CURRENT.toString(),
            Version.CURRENT,
            Runtime.version().feature() + "",
            module.pluginClass().getName(),
            null,
            List.of(),
            false
        );
    }
}
