package org.eclipsesol.desk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipsesol.desk.common.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SimpleVerifier;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Native-image guard, in JVM mode. GraalVM keeps the reflection metadata Jackson needs only for the types Quarkus
 * knows will be serialized: the declared return and parameter types of REST resource methods and GraphQL
 * operations (with everything reachable from their fields), and types annotated {@code @RegisterForReflection}.
 * A type serialized anywhere else — put into {@code Response.entity(...)} / {@code Response.ok(...)}, written or
 * read by an {@code ObjectMapper}, encoded by Vert.x {@code Json}, sent over a WebSocket — serializes as
 * {@code {}} (or fails) in the native executable, while every JVM test passes.
 * <p>
 * This test reads the bytecode of every application class, finds each such call, works out the static type of
 * the value handed to it (ASM's {@link SimpleVerifier}; for a collection or {@code Object}, the generic
 * signature of the local variable, field or method it came from; for reads, the {@code Class} literal or the
 * {@code TypeReference} type), and fails unless every application type reachable from it is registered. See
 * docs/native.md.
 */
class NativeReflectionTest {

    private static final String APP = "org/eclipsesol/desk/";
    private static final String REGISTER = "Lio/quarkus/runtime/annotations/RegisterForReflection;";

    private static final Map<String, ClassNode> CLASSES = new LinkedHashMap<>();

    /**
     * Calls that serialize a response entity again (the list pages' weak ETag digests the body): the entity is a
     * resource method's declared type or a {@code Response.entity} value, both checked where they are made.
     */
    private static final Set<String> RESERIALIZE_A_CHECKED_ENTITY = Set
            .of("HttpCaching.weakTagOf → com/fasterxml/jackson/databind/ObjectMapper.valueToTree");

    @BeforeAll
    static void readClasses() throws Exception {
        Path root = Path.of(Problem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    ClassNode node = new ClassNode();
                    new ClassReader(in).accept(node, 0);
                    CLASSES.put(node.name, node);
                }
            }
        }
        assertThat(CLASSES).as("application classes").hasSizeGreaterThan(100);
    }

    @Test
    void everyHandSerializedTypeIsRegisteredForReflection() throws Exception {
        Scan scan = scan(Set.of());
        assertThat(scan.unresolved).as("calls whose serialized type cannot be told from the bytecode")
                .isSubsetOf(RESERIALIZE_A_CHECKED_ENTITY);
        assertThat(scan.unregistered()).as(
                "types serialized outside a resource method's declared type, not registered for reflection "
                        + "(add @RegisterForReflection; docs/native.md)")
                .isEmpty();
    }

    /** The guard can fail: without their annotations, the three types the native build lost are reported. */
    @Test
    void reportsTheTypesTheNativeBuildLostWhenTheirRegistrationIsRemoved() throws Exception {
        Set<String> pretendUnannotated = Set.of("org.eclipsesol.desk.common.Problem",
                "org.eclipsesol.desk.common.Violation", "org.eclipsesol.desk.intake.app.IntakeResult");
        Scan scan = scan(pretendUnannotated);
        assertThat(scan.unregistered().keySet()).containsExactlyInAnyOrderElementsOf(pretendUnannotated);
        assertThat(scan.unregistered().get("org.eclipsesol.desk.intake.app.IntakeResult"))
                .anyMatch(where -> where.contains("IntakeResource.receive"));
    }

    /** Where each application type is serialized by hand. */
    private record Scan(Map<String, Set<String>> needed, Set<String> registered, List<String> unresolved) {

        Map<String, Set<String>> unregistered() {
            Map<String, Set<String>> missing = new LinkedHashMap<>();
            needed.forEach((type, where) -> {
                if (!registered.contains(type)) {
                    missing.put(type, where);
                }
            });
            return missing;
        }
    }

    private Scan scan(Set<String> ignoreAnnotationOn) throws Exception {
        Map<String, Set<String>> needed = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        Set<String> registered = new TreeSet<>();
        Set<Class<?>> declared = new LinkedHashSet<>();

        for (ClassNode node : CLASSES.values()) {
            // Registrations.
            for (AnnotationNode a : annotations(node)) {
                if (!a.desc.equals(REGISTER)) {
                    continue;
                }
                List<String> targets = new ArrayList<>();
                boolean full = false;
                for (int i = 0; a.values != null && i < a.values.size(); i += 2) {
                    String name = (String) a.values.get(i);
                    Object value = a.values.get(i + 1);
                    if (name.equals("targets")) {
                        for (Object t : (List<?>) value) {
                            targets.add(((Type) t).getClassName());
                        }
                    } else if (name.equals("classNames")) {
                        for (Object t : (List<?>) value) {
                            targets.add((String) t);
                        }
                    } else if (name.equals("registerFullHierarchy")) {
                        full = Boolean.TRUE.equals(value);
                    }
                }
                if (targets.isEmpty()) {
                    targets.add(Type.getObjectType(node.name).getClassName());
                }
                for (String target : targets) {
                    if (ignoreAnnotationOn.contains(target)) {
                        continue;
                    }
                    registered.add(target);
                    if (full) {
                        declared.add(load(target));
                    }
                }
            }
            // What Quarkus registers by itself: REST resource methods and GraphQL operations.
            Class<?> type = load(Type.getObjectType(node.name).getClassName());
            boolean graphQLApi = hasAnnotation(type, "org.eclipse.microprofile.graphql.GraphQLApi");
            for (Method m : declaredMethods(type)) {
                if (isResourceMethod(m) || graphQLApi && Modifier.isPublic(m.getModifiers())) {
                    collect(m.getGenericReturnType(), declared);
                    for (java.lang.reflect.Type p : m.getGenericParameterTypes()) {
                        collect(p, declared);
                    }
                }
            }
            // Reads through a TypeReference<...> subclass.
            if ("com/fasterxml/jackson/core/type/TypeReference".equals(node.superName) && node.signature != null) {
                for (String t : appTypesInSignature(node.signature)) {
                    need(needed, t, node.name.replace('/', '.') + " (TypeReference)");
                }
            }
        }
        Set<Class<?>> declaredHierarchy = new LinkedHashSet<>();
        for (Class<?> c : declared) {
            collect(c, declaredHierarchy);
        }
        declaredHierarchy.forEach(c -> registered.add(c.getName()));

        for (ClassNode node : CLASSES.values()) {
            for (MethodNode method : node.methods) {
                scanMethod(node, method, needed, unresolved);
            }
        }
        return new Scan(needed, registered, unresolved);
    }

    private void scanMethod(ClassNode owner, MethodNode method, Map<String, Set<String>> needed,
            List<String> unresolved) throws AnalyzerException {
        List<Sink> sinks = new ArrayList<>();
        AbstractInsnNode[] insns = method.instructions.toArray();
        for (int i = 0; i < insns.length; i++) {
            if (insns[i] instanceof MethodInsnNode call) {
                Sink sink = Sink.of(call);
                if (sink != null) {
                    sinks.add(sink.at(i));
                }
            }
        }
        if (sinks.isEmpty()) {
            return;
        }
        SimpleVerifier verifier = new SimpleVerifier();
        verifier.setClassLoader(Thread.currentThread().getContextClassLoader());
        Frame<BasicValue>[] types = new Analyzer<>(verifier).analyze(owner.name, method);
        Frame<SourceValue>[] sources = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
        String where = owner.name.substring(owner.name.lastIndexOf('/') + 1) + "." + method.name;
        for (Sink sink : sinks) {
            Frame<BasicValue> frame = types[sink.index];
            if (frame == null) {
                continue; // unreachable code
            }
            MethodInsnNode call = (MethodInsnNode) insns[sink.index];
            int args = Type.getArgumentTypes(call.desc).length;
            int base = frame.getStackSize() - args;
            for (int arg : sink.args) {
                int slot = base + arg;
                Set<String> found = new LinkedHashSet<>();
                SourceValue source = sources[sink.index].getStack(slot);
                if (sink.classLiteral) {
                    for (AbstractInsnNode producer : source.insns) {
                        if (producer instanceof LdcInsnNode ldc && ldc.cst instanceof Type t) {
                            found.add(t.getClassName());
                        } else if (producer instanceof FieldInsnNode || producer instanceof VarInsnNode) {
                            found.add("?"); // a Class held in a variable: cannot be told
                        }
                    }
                } else {
                    Type type = frame.getStack(slot).getType();
                    if (type != null && type.getSort() == Type.OBJECT && type.getInternalName().startsWith(APP)) {
                        found.add(type.getClassName());
                    } else if (type != null && isContainer(type)) {
                        found.addAll(genericAppTypes(owner, method, source));
                        if (found.isEmpty() && type.getInternalName().equals("java/lang/Object")) {
                            found.add("?");
                        }
                    }
                }
                for (String t : found) {
                    if (t.equals("?")) {
                        unresolved.add(where + " → " + call.owner + "." + call.name);
                    } else if (t.startsWith("org.eclipsesol.desk.")) {
                        Set<Class<?>> reach = new LinkedHashSet<>();
                        collect(load(t), reach);
                        for (Class<?> c : reach) {
                            need(needed, c.getName(), where + " → " + call.name);
                        }
                    }
                }
            }
        }
    }

    private static boolean isContainer(Type type) {
        if (type.getSort() != Type.OBJECT) {
            return false;
        }
        String name = type.getInternalName();
        return name.equals("java/lang/Object") || name.startsWith("java/util/");
    }

    /** Application types in the generic signature of where a List/Map/Optional/Object value came from. */
    private Set<String> genericAppTypes(ClassNode owner, MethodNode method, SourceValue source) {
        Set<String> out = new LinkedHashSet<>();
        for (AbstractInsnNode producer : source.insns) {
            String signature = null;
            if (producer instanceof VarInsnNode load && method.localVariables != null) {
                int index = method.instructions.indexOf(producer);
                for (LocalVariableNode v : method.localVariables) {
                    if (v.index == load.var && method.instructions.indexOf(v.start) <= index
                            && index <= method.instructions.indexOf(v.end)) {
                        signature = v.signature;
                    }
                }
            } else if (producer instanceof FieldInsnNode field) {
                ClassNode fieldOwner = CLASSES.get(field.owner);
                if (fieldOwner != null) {
                    signature = fieldOwner.fields.stream().filter(f -> f.name.equals(field.name)).map(f -> f.signature)
                            .findFirst().orElse(null);
                }
            } else if (producer instanceof MethodInsnNode call) {
                ClassNode callOwner = CLASSES.get(call.owner);
                if (callOwner != null) {
                    signature = callOwner.methods.stream().filter(m -> m.name.equals(call.name) && m.desc.equals(call.desc))
                            .map(m -> m.signature).findFirst().orElse(null);
                    if (signature != null) {
                        signature = signature.substring(signature.lastIndexOf(')') + 1);
                    }
                }
            }
            if (signature != null) {
                out.addAll(appTypesInSignature(signature));
            }
        }
        return out;
    }

    private static Set<String> appTypesInSignature(String signature) {
        Set<String> out = new LinkedHashSet<>();
        new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
            @Override
            public void visitClassType(String name) {
                if (name.startsWith(APP)) {
                    out.add(name.replace('/', '.'));
                }
            }

            @Override
            public void visitInnerClassType(String name) {
                // Signatures name a nested class as Outer<...>.Inner: not used by the application's types.
            }
        });
        return out;
    }

    private static void need(Map<String, Set<String>> needed, String type, String where) {
        needed.computeIfAbsent(type, t -> new TreeSet<>()).add(where);
    }

    /** Jackson reaches every field's type (and type arguments), the superclass, record components. */
    private static void collect(java.lang.reflect.Type type, Set<Class<?>> out) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.getComponentType(), out);
                return;
            }
            if (!c.getName().startsWith("org.eclipsesol.desk.") || !out.add(c)) {
                return;
            }
            if (c.isEnum()) {
                return;
            }
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
                    collect(f.getGenericType(), out);
                }
            }
            if (c.getGenericSuperclass() != null) {
                collect(c.getGenericSuperclass(), out);
            }
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), out);
            for (java.lang.reflect.Type a : p.getActualTypeArguments()) {
                collect(a, out);
            }
        } else if (type instanceof WildcardType w) {
            for (java.lang.reflect.Type b : w.getUpperBounds()) {
                collect(b, out);
            }
        } else if (type instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), out);
        } else if (type instanceof TypeVariable<?> v) {
            for (java.lang.reflect.Type b : v.getBounds()) {
                collect(b, out);
            }
        }
    }

    private static boolean isResourceMethod(Method m) {
        for (Annotation a : m.getDeclaredAnnotations()) {
            if (a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAnnotation(Class<?> type, String name) {
        for (Annotation a : type.getDeclaredAnnotations()) {
            if (a.annotationType().getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Method[] declaredMethods(Class<?> type) {
        try {
            return type.getDeclaredMethods();
        } catch (LinkageError e) {
            return new Method[0];
        }
    }

    private static List<AnnotationNode> annotations(ClassNode node) {
        List<AnnotationNode> all = new ArrayList<>();
        if (node.visibleAnnotations != null) {
            all.addAll(node.visibleAnnotations);
        }
        if (node.invisibleAnnotations != null) {
            all.addAll(node.invisibleAnnotations);
        }
        return all;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A call that serializes (or deserializes) its argument(s) by reflection. */
    private record Sink(int index, int[] args, boolean classLiteral) {

        Sink at(int i) {
            return new Sink(i, args, classLiteral);
        }

        static Sink of(MethodInsnNode call) {
            Type[] params = Type.getArgumentTypes(call.desc);
            String o = call.owner;
            String n = call.name;
            boolean firstIsObject = params.length > 0 && params[0].getDescriptor().equals("Ljava/lang/Object;");
            if ((o.equals("jakarta/ws/rs/core/Response$ResponseBuilder") && n.equals("entity")
                    || o.equals("jakarta/ws/rs/core/Response") && n.equals("ok")
                    || o.startsWith("org/jboss/resteasy/reactive/RestResponse") && (n.equals("entity") || n.equals("ok")))
                    && firstIsObject) {
                return new Sink(0, new int[] { 0 }, false);
            }
            if (o.equals("com/fasterxml/jackson/databind/ObjectMapper")
                    || o.equals("com/fasterxml/jackson/databind/ObjectWriter")) {
                if (n.startsWith("writeValue") || n.equals("valueToTree") || n.equals("convertValue")) {
                    int last = n.equals("writeValue") ? params.length - 1 : 0;
                    if (n.equals("convertValue") && params.length > 1
                            && params[1].getDescriptor().equals("Ljava/lang/Class;")) {
                        return new Sink(0, new int[] { 0 }, false); // plus the target class below is rare
                    }
                    return new Sink(0, new int[] { last }, false);
                }
                if ((n.equals("readValue") || n.equals("treeToValue")) && params.length > 1
                        && params[params.length - 1].getDescriptor().equals("Ljava/lang/Class;")) {
                    return new Sink(0, new int[] { params.length - 1 }, true);
                }
            }
            if ((o.equals("io/vertx/core/json/Json") && n.startsWith("encode")
                    || o.equals("io/vertx/core/json/JsonObject") && n.equals("mapFrom")) && firstIsObject) {
                return new Sink(0, new int[] { 0 }, false);
            }
            if (o.startsWith("io/quarkus/websockets/next/") && n.startsWith("send") && firstIsObject) {
                return new Sink(0, new int[] { 0 }, false);
            }
            return null;
        }
    }
}
