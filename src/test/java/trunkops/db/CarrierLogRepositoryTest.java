package trunkops.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The reader's pure parts: call_date arithmetic and the statements' shape. */
class CarrierLogRepositoryTest {

    private static long packed(LocalDateTime t) {
        return t.getYear() * 10_000_000_000L + t.getMonthValue() * 100_000_000L + t.getDayOfMonth() * 1_000_000L
                + t.getHour() * 10_000L + t.getMinute() * 100L + t.getSecond();
    }

    @Test
    void castCallDatesBecomeTheSameSecondsAsLocalDateTime() {
        for (LocalDateTime t : new LocalDateTime[] {LocalDateTime.of(2026, 11, 26, 10, 15, 30),
                LocalDateTime.of(2024, 2, 29, 23, 59, 59), LocalDateTime.of(2000, 3, 1, 0, 0),
                LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(2100, 12, 31, 12, 0, 1)}) {
            assertEquals(CarrierLogRow.second(t), CarrierLogRepository.secondsOf(packed(t)), t.toString());
        }
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            LocalDateTime t = LocalDate.ofEpochDay(rng.nextLong(0, 60_000)).atStartOfDay()
                    .plusSeconds(rng.nextInt(86_400));
            assertEquals(CarrierLogRow.second(t), CarrierLogRepository.secondsOf(packed(t)), t.toString());
        }
        assertEquals(0, CarrierLogRepository.secondsOf(0), "MySQL's zero date stays 0");
    }

    @Test
    void theScanIsNarrowAndAdaptsToOldSchemas() {
        String full = CarrierLogRepository.scanSql(new CarrierLogSchema(1728, true, true, "", "", true));
        assertTrue(full.startsWith("SELECT CAST(call_date AS UNSIGNED), server_ip, dialstatus, hangup_cause,"
                + " sip_hangup_cause, sip_hangup_reason, dial_time, answered_time, channel, uniqueid"), full);
        assertTrue(full.endsWith("FROM vicidial_carrier_log WHERE call_date >= ? AND call_date < ?"), full);
        assertTrue(!full.contains("JOIN"), "no join in the scan");
        String old = CarrierLogRepository.scanSql(new CarrierLogSchema(1148, false, false, "", "", true));
        assertTrue(old.contains("hangup_cause, NULL, NULL, dial_time"), old);
    }
}
