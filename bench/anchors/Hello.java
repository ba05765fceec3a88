/** The floor: what starting the JVM costs, for the benchmarks' ratios. */
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
