import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The raw cost runner's dispatch is compared with: start N /bin/true processes from Java through
 * a pool of W threads, each waiting for its child, nothing recorded. Usage: SpawnTrue N W
 */
public class SpawnTrue {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    int workers = Integer.parseInt(args[1]);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long start = System.nanoTime();
    List<Future<Integer>> runs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      runs.add(pool.submit(() -> new ProcessBuilder("/bin/true").start().waitFor()));
    }
    for (Future<Integer> run : runs) {
      run.get();
    }
    System.out.printf("%.3f%n", (System.nanoTime() - start) / 1e9);
    pool.shutdown();
  }
}
