package io.microplatform.testsupport.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * Every table of a database at one moment: its row count and an MD5 of all its rows (each row as PostgreSQL's text
 * form of the row, in a fixed order), so that any insert, update or delete between two snapshots shows as a
 * difference, named by table. Flyway's history and messaging-support's outbox included: an unchanged outbox is
 * nothing sent to Kafka.
 */
public record DatabaseSnapshot(Map<String, String> tables) {

    public static DatabaseSnapshot of(DataSource database) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet tables = statement.executeQuery("""
                    SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")) {
                while (tables.next()) {
                    names.add(tables.getString(1));
                }
            }
            Map<String, String> contents = new TreeMap<>();
            for (String table : names) {
                try (ResultSet content = statement.executeQuery("SELECT count(*) || ' rows, md5 ' || "
                        + "coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '-') FROM " + table + " t")) {
                    content.next();
                    contents.put(table, content.getString(1));
                }
            }
            if (contents.isEmpty()) {
                throw new IllegalStateException("No tables in the database: is it the service's?");
            }
            return new DatabaseSnapshot(contents);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tables of the database", e);
        }
    }
}
