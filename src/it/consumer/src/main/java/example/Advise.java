package example;

/** The acceptance program of the library issue, as an embedding application writes it. */
public final class Advise {
    private Advise() {
    }

    public static void main(String[] args) {
        var advisor = org.stackadvisor.StackAdvisor.bundled();
        var decision = advisor.decide(java.nio.file.Path.of(args[0]));
        System.out.println(decision.verdict());
        System.out.println(decision.toJson());
    }
}
