package org.openrma.policy.compile;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.ICONST_M1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFGE;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.ISUB;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LOR;
import static org.objectweb.asm.Opcodes.LRETURN;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.PUTSTATIC;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V21;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.openrma.policy.model.Condition;
import org.openrma.policy.model.ConditionCode;
import org.openrma.policy.model.ConditionGroup;
import org.openrma.policy.model.Reads;
import org.openrma.policy.model.Subject;
import org.openrma.policy.model.Unevaluable;

/**
 * Compiles a policy version's conditions to bytecode: one hidden class per version, a {@link ConditionCode} whose
 * {@code test(index, subject)} answers the version's condition number {@code index} as its tree would without an
 * explanation ({@link ConditionCode#HOLDS}, {@link ConditionCode#FAILS}, or {@link ConditionCode#UNEVALUABLE} where the tree
 * throws).
 *
 * <p>Each node of each tree becomes a static method: {@code all}, {@code any} and {@code not} as branches over their parts'
 * answers, with CEL's commutative logic (a false part decides an {@code all}, a true one an {@code any}, whatever the other
 * parts do; otherwise a part that cannot be evaluated makes the whole so); each test on the claim (a word, a mark, a date, a
 * number, CEL, ...) a call of that test's own record, held in a static final field of the class and so a constant to the
 * JIT, which can inline it with its words, bits and bounds. The trees stay the reference: they record what a rule read for
 * the explanation, and give the reason when a condition cannot be evaluated.
 *
 * <p>Conditions always asked together (the rules each line a program serves is held to) are also a {@link ConditionGroup}:
 * a method of its own that asks each in turn and gives their answers as bits of a {@code long}, {@code answers(group,
 * subject)}, so a decision asks a line's rules in one call in which every condition is a direct call the JIT can inline.
 */
final class ConditionCompiler {

    private static final String CODE = Type.getInternalName(ConditionCode.class);
    private static final String SUBJECT = Type.getDescriptor(Subject.class);
    private static final String NODE = "(" + SUBJECT + ")I";
    private static final String GROUP = "(" + SUBJECT + ")J";
    private static final String TEST = "(" + SUBJECT + Type.getDescriptor(Map.class) + ")Z";
    private static final String UNEVALUABLE = Type.getInternalName(Unevaluable.class);

    private final ConditionCode.Slot slot = new ConditionCode.Slot();
    private final List<Condition> conditions = new ArrayList<>();
    /** By group number: each member's condition number, or {@link #HOLDS_ALWAYS}. */
    private final List<int[]> groups = new ArrayList<>();
    private boolean compiled;

    /** A group's member that always holds: the empty condition, which is not numbered. */
    private static final int HOLDS_ALWAYS = -1;

    /** The condition, numbered for the code to come (the empty condition, which always holds, as it is). */
    Condition compiled(Condition tree) {
        if (compiled) {
            throw new IllegalStateException("the conditions were compiled already");
        }
        if (tree.equals(Condition.ALWAYS)) {
            return Condition.ALWAYS;
        }
        conditions.add(tree);
        return new Condition.Compiled(tree, slot, conditions.size() - 1);
    }

    /**
     * The conditions answered together by one method of the code to come ({@link ConditionGroup}); null when they cannot be:
     * more than a group holds, or one of them not numbered here.
     */
    ConditionGroup group(List<Condition> members) {
        if (compiled) {
            throw new IllegalStateException("the conditions were compiled already");
        }
        if (members.size() > ConditionGroup.MOST_CONDITIONS) {
            return null;
        }
        int[] numbers = new int[members.size()];
        for (int i = 0; i < numbers.length; i++) {
            Condition c = members.get(i);
            if (Condition.ALWAYS.equals(c)) {
                numbers[i] = HOLDS_ALWAYS;
            } else if (c instanceof Condition.Compiled numbered && numbered.slot() == slot) {
                numbers[i] = numbered.index();
            } else {
                return null;
            }
        }
        groups.add(numbers);
        return new ConditionGroup(slot, groups.size() - 1, numbers.length);
    }

    /**
     * Makes the code of every condition numbered so far and installs it. A policy whose code cannot be made (a class past
     * the JVM's limits) keeps its trees, which give the same answers.
     */
    void compile() {
        compiled = true;
        if (conditions.isEmpty()) {
            return;
        }
        ConditionCode code;
        try {
            code = define(new Generation(conditions, groups).bytes());
        } catch (MethodTooLargeException | ClassTooLargeException tooLarge) {
            return;
        }
        slot.install(code);
    }

    private ConditionCode define(Generation.Bytes made) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClassWithClassData(made.bytes(), made.constants(), true);
            return (ConditionCode) lookup.findConstructor(lookup.lookupClass(), java.lang.invoke.MethodType.methodType(void.class))
                    .invoke();
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            // the class is ours and its constructor public: nothing here is expected to be refused
            throw new IllegalStateException("the condition code could not be loaded", t);
        }
    }

    /** One class's generation: its methods written as the trees are walked, and the tests it holds as constants. */
    private static final class Generation {

        record Bytes(byte[] bytes, List<Object> constants) {}

        private final List<Condition> conditions;
        private final List<int[]> groups;
        private final List<Object> constants = new ArrayList<>();
        private final ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                // no two reference types ever meet in a frame of this code; Object is right for any that would
                return "java/lang/Object";
            }
        };
        private final String name = Type.getInternalName(ConditionCompiler.class) + "$Code";
        private final MethodVisitor initializer;
        private int methods;

        Generation(List<Condition> conditions, List<int[]> groups) {
            this.conditions = conditions;
            this.groups = groups;
            writer.visit(V21, ACC_FINAL | ACC_SUPER, name, null, CODE, null);
            MethodVisitor constructor = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
            constructor.visitCode();
            constructor.visitVarInsn(ALOAD, 0);
            constructor.visitMethodInsn(INVOKESPECIAL, CODE, "<init>", "()V", false);
            constructor.visitInsn(RETURN);
            constructor.visitMaxs(0, 0);
            constructor.visitEnd();
            initializer = writer.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
            initializer.visitCode();
        }

        Bytes bytes() {
            int[] entries = new int[conditions.size()];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = node(conditions.get(i));
            }
            // test(index, subject): the condition's node; a number it was not made for is UNEVALUABLE, so the tree decides
            dispatch("test", NODE, IRETURN, entries.length, i -> method(entries[i]), m -> m.visitInsn(ICONST_M1));
            answers(entries);
            initializer.visitInsn(RETURN);
            initializer.visitMaxs(0, 0);
            initializer.visitEnd();
            writer.visitEnd();
            return new Bytes(writer.toByteArray(), List.copyOf(constants));
        }

        /** {@code answers(group, subject)}: each group's own method ({@link #group}); a number it was not made for is UNTOLD. */
        private void answers(int[] entries) {
            for (int g = 0; g < groups.size(); g++) {
                group(g, groups.get(g), entries);
            }
            dispatch("answers", GROUP, LRETURN, groups.size(), g -> "g" + g, m -> m.visitLdcInsn(ConditionGroup.UNTOLD));
        }

        /**
         * The public method {@code named(int number, Subject)} of the code: a switch on the number to the static method
         * {@code target(number)} of the same {@code descriptor} ({@code (Subject)} and the answer), whose answer it returns
         * by {@code returning}; any other number returns what {@code unknown} pushes.
         */
        private void dispatch(String named, String descriptor, int returning, int count, IntFunction<String> target,
                Consumer<MethodVisitor> unknown) {
            MethodVisitor m = writer.visitMethod(ACC_PUBLIC, named, "(I" + descriptor.substring(1), null, null);
            m.visitCode();
            Label other = new Label();
            if (count > 0) {
                Label[] cases = new Label[count];
                for (int i = 0; i < count; i++) {
                    cases[i] = new Label();
                }
                m.visitVarInsn(ILOAD, 1);
                m.visitTableSwitchInsn(0, count - 1, other, cases);
                for (int i = 0; i < count; i++) {
                    m.visitLabel(cases[i]);
                    m.visitVarInsn(ALOAD, 2);
                    m.visitMethodInsn(INVOKESTATIC, name, target.apply(i), descriptor, false);
                    m.visitInsn(returning);
                }
            }
            m.visitLabel(other);
            unknown.accept(m);
            m.visitInsn(returning);
            end(m);
        }

        /**
         * One group's method: each member's node asked in turn, its answer a bit (local 1, a long); the first that cannot be
         * evaluated makes the whole {@link ConditionGroup#UNTOLD}, so that each is asked again on its own and says why.
         */
        private void group(int number, int[] members, int[] entries) {
            MethodVisitor m = writer.visitMethod(ACC_PRIVATE | ACC_STATIC, "g" + number, GROUP, null, null);
            m.visitCode();
            m.visitInsn(LCONST_0);
            m.visitVarInsn(LSTORE, 1);
            for (int bit = 0; bit < members.length; bit++) {
                Label fails = new Label();
                if (members[bit] != HOLDS_ALWAYS) {
                    Label evaluated = new Label();
                    m.visitVarInsn(ALOAD, 0);
                    m.visitMethodInsn(INVOKESTATIC, name, method(entries[members[bit]]), NODE, false);
                    m.visitVarInsn(ISTORE, 3);
                    m.visitVarInsn(ILOAD, 3);
                    m.visitJumpInsn(IFGE, evaluated);
                    m.visitLdcInsn(ConditionGroup.UNTOLD);
                    m.visitInsn(LRETURN);
                    m.visitLabel(evaluated);
                    m.visitVarInsn(ILOAD, 3);
                    m.visitJumpInsn(IFEQ, fails);
                }
                m.visitVarInsn(LLOAD, 1);
                m.visitLdcInsn(1L << bit);
                m.visitInsn(LOR);
                m.visitVarInsn(LSTORE, 1);
                m.visitLabel(fails);
            }
            m.visitVarInsn(LLOAD, 1);
            m.visitInsn(LRETURN);
            end(m);
        }

        private static String method(int number) {
            return "n" + number;
        }

        /** Writes the method of one node (and, first, its parts'); gives its number. */
        private int node(Condition c) {
            return switch (c) {
                case Condition.Compiled compiled -> node(compiled.source());
                case Condition.All all -> combined(all.parts(), true);
                case Condition.Any any -> combined(any.parts(), false);
                case Condition.Not not -> negated(node(not.part()));
                default -> test(c);
            };
        }

        private MethodVisitor begin(int number) {
            MethodVisitor m = writer.visitMethod(ACC_PRIVATE | ACC_STATIC, method(number), NODE, null, null);
            m.visitCode();
            return m;
        }

        private static void end(MethodVisitor m) {
            m.visitMaxs(0, 0);
            m.visitEnd();
        }

        /**
         * {@code all} ({@code every}) or {@code any}: the first part whose answer decides it returns; a part that cannot be
         * evaluated is noted (local 1) and the rest still asked, since a later one may decide; else unevaluable if any was,
         * else the answer of no decisive part.
         */
        private int combined(List<Condition> parts, boolean every) {
            int[] numbers = new int[parts.size()];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = node(parts.get(i));
            }
            int number = methods++;
            MethodVisitor m = begin(number);
            int decisive = every ? ICONST_0 : ICONST_1;                   // the answer that decides: FAILS for all, HOLDS for any
            m.visitInsn(ICONST_0);
            m.visitVarInsn(ISTORE, 1);                                        // whether a part could not be evaluated
            for (int part : numbers) {
                Label notDecisive = new Label();
                Label evaluated = new Label();
                m.visitVarInsn(ALOAD, 0);
                m.visitMethodInsn(INVOKESTATIC, name, method(part), NODE, false);
                m.visitVarInsn(ISTORE, 2);
                m.visitVarInsn(ILOAD, 2);
                m.visitInsn(decisive);
                m.visitJumpInsn(IF_ICMPNE, notDecisive);
                m.visitInsn(decisive);
                m.visitInsn(IRETURN);
                m.visitLabel(notDecisive);
                m.visitVarInsn(ILOAD, 2);
                m.visitJumpInsn(IFGE, evaluated);
                m.visitInsn(ICONST_1);
                m.visitVarInsn(ISTORE, 1);
                m.visitLabel(evaluated);
            }
            Label allEvaluated = new Label();
            m.visitVarInsn(ILOAD, 1);
            m.visitJumpInsn(IFEQ, allEvaluated);
            m.visitInsn(ICONST_M1);
            m.visitInsn(IRETURN);
            m.visitLabel(allEvaluated);
            m.visitInsn(every ? ICONST_1 : ICONST_0);
            m.visitInsn(IRETURN);
            end(m);
            return number;
        }

        /** {@code not}: the part's answer turned over; unevaluable stays so. */
        private int negated(int part) {
            int number = methods++;
            MethodVisitor m = begin(number);
            Label evaluated = new Label();
            m.visitVarInsn(ALOAD, 0);
            m.visitMethodInsn(INVOKESTATIC, name, method(part), NODE, false);
            m.visitVarInsn(ISTORE, 1);
            m.visitVarInsn(ILOAD, 1);
            m.visitJumpInsn(IFGE, evaluated);
            m.visitInsn(ICONST_M1);
            m.visitInsn(IRETURN);
            m.visitLabel(evaluated);
            m.visitInsn(ICONST_1);
            m.visitVarInsn(ILOAD, 1);
            m.visitInsn(ISUB);
            m.visitInsn(IRETURN);
            end(m);
            return number;
        }

        /**
         * A test on the claim: its record's own {@code test}, on a constant of its exact type and with nothing recorded; a
         * test that throws {@link Unevaluable} answers {@link ConditionCode#UNEVALUABLE} (anything else it throws goes on up,
         * as from the tree).
         */
        private int test(Condition c) {
            String field = "t" + constants.size();
            String owner = Type.getInternalName(c.getClass());
            writer.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, field, "L" + owner + ";", null, null).visitEnd();
            initializer.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup", "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
            initializer.visitLdcInsn("_");                                   // ConstantDescs.DEFAULT_NAME: the class data's name
            initializer.visitLdcInsn(Type.getType(Object.class));
            initializer.visitLdcInsn(constants.size());
            initializer.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "classDataAt",
                    "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;", false);
            initializer.visitTypeInsn(CHECKCAST, owner);
            initializer.visitFieldInsn(PUTSTATIC, name, field, "L" + owner + ";");
            constants.add(c);

            int number = methods++;
            MethodVisitor m = begin(number);
            Label start = new Label();
            Label finish = new Label();
            Label unevaluable = new Label();
            m.visitTryCatchBlock(start, finish, unevaluable, UNEVALUABLE);
            m.visitLabel(start);
            m.visitFieldInsn(GETSTATIC, name, field, "L" + owner + ";");
            m.visitVarInsn(ALOAD, 0);
            m.visitFieldInsn(GETSTATIC, Type.getInternalName(Reads.class), "DISCARD", Type.getDescriptor(Map.class));
            m.visitMethodInsn(INVOKEVIRTUAL, owner, "test", TEST, false);
            m.visitLabel(finish);
            m.visitInsn(IRETURN);                                             // true and false are 1 and 0: HOLDS and FAILS
            m.visitLabel(unevaluable);
            m.visitInsn(POP);
            m.visitInsn(ICONST_M1);
            m.visitInsn(IRETURN);
            end(m);
            return number;
        }
    }
}
