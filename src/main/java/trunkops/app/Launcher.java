package trunkops.app;

public final class Launcher {
    public static void main(String[] args) {
        System.out.println("hello " + String.join(",", args));
    }
}
