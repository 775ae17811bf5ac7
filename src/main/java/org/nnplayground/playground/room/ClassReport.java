package org.nnplayground.playground.room;

import org.nnplayground.playground.session.SessionSummary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The class report as CSV (RFC 4180): one row per student with name, the link that reproduces
 * their settings, epochs, losses, the quality metric and state. Names are quoted and a leading
 * = + - @ is defused, so a spreadsheet never runs a student's name as a formula.
 */
final class ClassReport {
    static final String HEADER = "name,link,epochs,loss_train,loss_test,metric,metric_train,metric_test,state";

    private ClassReport() {}

    record Row(String name, String link, int epochs, double lossTrain, double lossTest, String metric, double metricTrain, double metricTest,
               String state) {}

    /** The report of a room's students: those on other servers from their last card ({@code me}: this replica). */
    static String of(Collection<Student> students, String me) {
        List<Row> rows = new ArrayList<>();
        for (Student s : students) rows.add(RemoteCards.remote(s, me) ? RemoteCards.row(s) : row(s));
        return csv(rows);
    }

    /** The row of a student whose session is on this server (or was, before they left). */
    private static Row row(Student s) {
        SessionSummary m = s.summary();
        String link = m.settings() != null ? m.link() : (s.lastLink() == null ? "" : s.lastLink());
        return new Row(s.name, link, m.epoch(), m.lossTrain(), m.lossTest(),
                m.problem().equals("regression") ? "r2" : "accuracy", m.metricTrain(), m.metricTest(), s.stateKey(m));
    }

    static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder(HEADER).append("\r\n");
        for (Row r : rows) {
            b.append(quote(r.name())).append(',').append(quote(r.link())).append(',').append(r.epochs()).append(',')
                    .append(number(r.lossTrain())).append(',').append(number(r.lossTest())).append(',')
                    .append(r.metric()).append(',').append(number(r.metricTrain())).append(',').append(number(r.metricTest())).append(',').append(r.state()).append("\r\n");
        }
        return b.toString();
    }

    private static String number(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : ""; }

    private static String quote(String text) {
        String t = text == null ? "" : text;
        if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) t = "'" + t;
        return '"' + t.replace("\"", "\"\"") + '"';
    }
}
