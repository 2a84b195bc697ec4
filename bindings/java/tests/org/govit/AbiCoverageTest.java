package org.govit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every function of include/govit.h has its JNI entry point (govit_day_info → dayInfo). */
class AbiCoverageTest {

    @Test
    void everyCFunctionHasANativeMethod() throws IOException {
        File header = new File(ChildJvm.property("govit.test.root"), "include/govit.h");
        String text = new String(Files.readAllBytes(header.toPath()), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^[A-Za-z_][A-Za-z0-9_ ]*[ *]govit_([a-z0-9_]+)\\(").matcher(text);
        Set<String> functions = new LinkedHashSet<String>();
        while (m.find()) {
            functions.add(m.group(1));
        }
        // Declarations only (a line that starts with the return type), not mentions in comments.
        // govit_string_free is the glue's own business: it frees every string it is given.
        functions.remove("string_free");
        assertTrue(functions.contains("check") && functions.contains("preview"), functions.toString());
        Set<String> natives = new LinkedHashSet<String>();
        for (Method method : GovitNative.class.getDeclaredMethods()) {
            if (Modifier.isNative(method.getModifiers())) {
                natives.add(method.getName());
            }
        }
        List<String> missing = new ArrayList<String>();
        for (String f : functions) {
            if (!natives.contains(camel(f))) {
                missing.add("govit_" + f + " (GovitNative." + camel(f) + ")");
            }
        }
        assertTrue(missing.isEmpty(), "C functions without a JNI entry point: " + missing);
    }

    static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
