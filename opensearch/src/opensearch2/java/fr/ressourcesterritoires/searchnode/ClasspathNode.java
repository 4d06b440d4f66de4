package fr.ressourcesterritoires.searchnode;

import java.util.List;
import java.util.stream.Collectors;

import org.opensearch.env.Environment;
import org.opensearch.node.Node;

/**
 * OpenSearch 2.x: {@code Node(Environment, Collection<Class<? extends Plugin>>, boolean)} takes
 * the classpath plugins as classes (as {@code MockNode} of the 2.x test framework does).
 */
abstract class ClasspathNode extends Node {

    ClasspathNode(Environment environment, List<PortalNode.Module> modules) {
        // forbidPrivateIndexSettings = true, as for a node started by the distribution's Bootstrap.
        super(environment, modules.stream().map(PortalNode.Module::pluginClass).collect(Collectors.toList()), true);
    }
}
