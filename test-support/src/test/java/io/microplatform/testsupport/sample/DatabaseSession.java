package io.microplatform.testsupport.sample;

import org.springframework.jdbc.core.JdbcTemplate;

/** Which database a test's DataSource reached, and as whom: what EmbeddedInfrastructure's properties decide. */
record DatabaseSession(String database, String user) {

    static DatabaseSession of(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select current_database(), current_user",
                (row, number) -> new DatabaseSession(row.getString(1), row.getString(2)));
    }
}
