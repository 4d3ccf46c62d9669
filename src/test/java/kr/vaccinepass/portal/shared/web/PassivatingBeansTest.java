package kr.vaccinepass.portal.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a view or a session holds must survive being written out: a view's state and a signed-in
 * session are serialized when the server passivates them, and in a cluster (issue 16) when they are
 * replicated to the node that takes over. Weld checks the injected beans at deployment; this checks
 * the rest, every field a view- or session-scoped bean keeps, down through the portal's own types
 * it holds (a record in a field, a list of them), so that a page's half-filled form is not the one
 * thing that cannot move. An injected field must not be transient: Weld's proxies are written out
 * and find their bean again, while a transient one arrives empty (ClusterIT's half-filled facility
 * form failed so at the other node).
 */
class PassivatingBeansTest {
  private static final Path CLASSES = Path.of("target/classes");

  @Test
  void everyViewAndSessionBeanKeepsOnlySerializableState() throws Exception {
    List<Class<?>> beans = passivatingBeans();
    assertFalse(beans.isEmpty(), "no view- or session-scoped beans found in " + CLASSES);
    List<String> problems = new ArrayList<>();
    for (Class<?> bean : beans) {
      if (!Serializable.class.isAssignableFrom(bean)) {
        problems.add(bean.getName() + " is not Serializable");
      }
      check(bean, bean.getSimpleName(), problems, new HashSet<>());
    }
    assertEquals(List.of(), problems, "state a view or session cannot write out");
  }

  /** The non-static, non-transient fields of a class of ours, and what they hold. */
  private static void check(Class<?> type, String path, List<String> problems, Set<Type> seen) {
    for (Class<?> c = type; c != null && ours(c); c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        if (f.isAnnotationPresent(Inject.class) && Modifier.isTransient(m)) {
          // CDI does not inject into a bean it deserialises: at the node that took the session
          // over, the field is null and the page fails at its next request
          problems.add(path + "." + f.getName() + " is injected and transient");
          continue;
        }
        if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
          continue;
        }
        if (f.isAnnotationPresent(Inject.class)) {
          continue; // Weld's proxies and passivation checks at deployment
        }
        holds(f.getGenericType(), path + "." + f.getName(), problems, seen);
      }
    }
  }

  private static void holds(Type type, String path, List<String> problems, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof ParameterizedType p) {
      holds(p.getRawType(), path, problems, seen);
      for (Type argument : p.getActualTypeArguments()) {
        holds(argument, path + "<>", problems, seen);
      }
      return;
    }
    if (type instanceof GenericArrayType a) {
      holds(a.getGenericComponentType(), path + "[]", problems, seen);
      return;
    }
    if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        holds(bound, path, problems, seen);
      }
      return;
    }
    if (type instanceof TypeVariable<?> v) {
      for (Type bound : v.getBounds()) {
        holds(bound, path, problems, seen);
      }
      return;
    }
    Class<?> c = (Class<?>) type;
    if (c.isPrimitive() || c == Object.class) {
      return;
    }
    if (c.isArray()) {
      holds(c.getComponentType(), path + "[]", problems, seen);
      return;
    }
    if (c.isInterface() && !ours(c)) {
      return; // a library's interface (List, Map, PrimeFaces' ScheduleModel): the implementations
      // the beans use are Serializable; a collection's elements are checked by its type arguments
    }
    if (!Serializable.class.isAssignableFrom(c)) {
      problems.add(path + " holds a " + c.getName() + ", which is not Serializable");
      return;
    }
    if (ours(c) && !c.isEnum()) {
      check(c, path, problems, seen);
    }
  }

  private static boolean ours(Class<?> c) {
    return c.getName().startsWith("kr.vaccinepass.portal.");
  }

  private static List<Class<?>> passivatingBeans() throws IOException {
    List<Class<?>> beans = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = CLASSES.relativize(file).toString();
        if (!name.endsWith(".class") || name.contains("$") || name.endsWith("package-info.class")) {
          continue;
        }
        Class<?> c;
        try {
          c =
              Class.forName(
                  name.substring(0, name.length() - ".class".length()).replace('/', '.'),
                  false,
                  PassivatingBeansTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          continue;
        }
        if (c.isAnnotationPresent(ViewScoped.class)
            || c.isAnnotationPresent(SessionScoped.class)
            || c.isAnnotationPresent(ConversationScoped.class)) {
          beans.add(c);
        }
      }
    }
    return beans;
  }
}
