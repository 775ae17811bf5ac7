import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The embedded database alone under SIGKILL (not a test): ROUNDS times, a child JVM inserts 20 KB
 * rows from 4 threads into H2 with the server's URL, each insert followed by CHECKPOINT SYNC, and
 * prints each row's id once that returned; the child is killed (SIGKILL) 50-750 ms in, and every
 * printed id is looked for. Prints PASS or FAIL. Extra URL settings (e.g. ";RETENTION_TIME=600000")
 * go in the second argument. Usage, from the project folder:
 *   java -cp ~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar scripts/H2KillCheck.java 50 [";SETTING=V"]
 */
public class H2KillCheck {
    static final String URL = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";

    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            child(args[1], args.length > 2 ? args[2] : "");
            return;
        }
        int rounds = Integer.parseInt(args[0]);
        String extra = args.length > 1 ? args[1] : "";
        String java = ProcessHandle.current().info().command().orElse("java");
        Path dir = Files.createTempDirectory("h2-kill-check");
        String db = dir.resolve("db").toString();
        long acked = 0;
        long lost = 0;
        Random random = new Random();
        for (int round = 1; round <= rounds; round++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "scripts/H2KillCheck.java", "child", db, extra)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()));
            if (!"ready".equals(in.readLine())) throw new IllegalStateException("the child did not start");
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try {
                    for (String line; (line = in.readLine()) != null; ) ids.add(line);
                } catch (IOException closed) {
                    // the child was killed
                }
            });
            reader.start();
            Thread.sleep(50 + random.nextInt(700));
            p.destroyForcibly().waitFor(); // SIGKILL
            reader.join();
            int missing = 0;
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db + URL + extra, "sa", "")) {
                for (String id : new ArrayList<>(ids)) {
                    try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
                        st.setString(1, id);
                        if (!st.executeQuery().next()) missing++;
                    }
                }
            }
            acked += ids.size();
            lost += missing;
            if (missing > 0) System.out.println("round " + round + ": " + ids.size() + " synced, " + missing + " lost");
        }
        System.out.println((lost == 0 ? "PASS" : "FAIL") + " h2-kill-check: " + rounds + " rounds, " + acked + " rows synced, " + lost + " lost");
    }

    /** Inserts from 4 threads until killed, printing each id after its CHECKPOINT SYNC returned. */
    static void child(String db, String extra) throws SQLException {
        String url = "jdbc:h2:file:" + db + URL + extra;
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS runs (id VARCHAR(40) PRIMARY KEY, snapshot VARBINARY(100000))");
        }
        System.out.println("ready");
        System.out.flush();
        for (int t = 0; t < 4; t++) {
            new Thread(() -> {
                Random random = new Random();
                byte[] data = new byte[20_000];
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    while (true) {
                        String id = Long.toHexString(random.nextLong());
                        random.nextBytes(data);
                        try (PreparedStatement st = c.prepareStatement("INSERT INTO runs VALUES (?, ?)")) {
                            st.setString(1, id);
                            st.setBytes(2, data);
                            st.executeUpdate();
                        }
                        try (Statement st = c.createStatement()) {
                            st.execute("CHECKPOINT SYNC");
                        }
                        synchronized (System.out) {
                            System.out.println(id);
                            System.out.flush();
                        }
                    }
                } catch (SQLException e) {
                    e.printStackTrace();
                }
            }).start();
        }
    }
}
