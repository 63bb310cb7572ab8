package io.microplatform.localstack.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Just enough of a pom and its parents to know the file name `package` gives a module's jar. */
record MavenPom(Path file, Element project) {

    static MavenPom of(String relativePath) {
        Path file = Repository.file(relativePath);
        try {
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                    .getDocumentElement();
            return new MavenPom(file, project);
        } catch (Exception e) {
            throw new AssertionError("cannot parse " + relativePath, e);
        }
    }

    String artifactId() {
        return child(project, "artifactId").map(Node::getTextContent).map(String::strip).orElse(null);
    }

    /**
     * The repackaged jar's name as Maven computes it: spring-boot-maven-plugin's finalName, else build/finalName
     * (the nearest pom in the parent chain wins), else artifactId-version; ${project.artifactId} resolved.
     */
    String bootJarName() {
        List<MavenPom> chain = chain();
        String name = chain.stream().map(MavenPom::bootPluginFinalName).flatMap(Optional::stream).findFirst()
                .or(() -> chain.stream().map(MavenPom::buildFinalName).flatMap(Optional::stream).findFirst())
                .orElse("${project.artifactId}-${project.version}");
        return name.replace("${project.artifactId}", artifactId()) + ".jar";
    }

    private List<MavenPom> chain() {
        List<MavenPom> chain = new ArrayList<>();
        for (MavenPom pom = this; pom != null; pom = pom.parent().orElse(null)) {
            chain.add(pom);
        }
        return chain;
    }

    // relativePath defaults to ../pom.xml; an empty one means the parent comes from a repository
    private Optional<MavenPom> parent() {
        Optional<Element> parent = child(project, "parent");
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        String relativePath = child(parent.get(), "relativePath").map(Node::getTextContent).map(String::strip)
                .orElse("../pom.xml");
        if (relativePath.isEmpty()) {
            return Optional.empty();
        }
        Path parentFile = file.getParent().resolve(relativePath).normalize();
        if (Files.isDirectory(parentFile)) {
            parentFile = parentFile.resolve("pom.xml");
        }
        return Files.isRegularFile(parentFile)
                ? Optional.of(MavenPom.of(Repository.ROOT.relativize(parentFile).toString()))
                : Optional.empty();
    }

    private Optional<String> buildFinalName() {
        return child(project, "build").flatMap(build -> child(build, "finalName")).map(Node::getTextContent)
                .map(String::strip);
    }

    private Optional<String> bootPluginFinalName() {
        Optional<Element> plugins = child(project, "build").flatMap(build -> child(build, "plugins"));
        if (plugins.isEmpty()) {
            return Optional.empty();
        }
        for (Element plugin : children(plugins.get(), "plugin")) {
            boolean boot = child(plugin, "artifactId").map(Node::getTextContent).map(String::strip)
                    .filter("spring-boot-maven-plugin"::equals).isPresent();
            if (boot) {
                return child(plugin, "configuration").flatMap(configuration -> child(configuration, "finalName"))
                        .map(Node::getTextContent).map(String::strip);
            }
        }
        return Optional.empty();
    }

    private static Optional<Element> child(Element parent, String tag) {
        return children(parent, tag).stream().findFirst();
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(tag)) {
                children.add(element);
            }
        }
        return children;
    }
}
