package trunkops.traffic.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The answer-rate lines stop where there were no (or too few) calls instead of joining evening to morning. */
@ExtendWith(ApplicationExtension.class)
class AsrChartGapTest {

    private AsrChart chart;

    @Start
    void start(Stage stage) {
        chart = new AsrChart();
        stage.setScene(new Scene(chart, 600, 300));
        stage.show();
    }

    private static long moves(XYChart.Series<Number, Number> s) {
        return ((Path) s.getNode()).getElements().stream().skip(1).filter(e -> e instanceof MoveTo).count();
    }

    @Test
    void linesAreBrokenAtGapsLongerThanThreeBuckets(FxRobot robot) {
        XYChart.Series<Number, Number> day = new XYChart.Series<>();
        day.setName("BLUELINE");
        // 5-minute buckets; the evening ends at 20, the morning starts at 200; one missing bucket at 35 is not a gap
        for (long m : List.of(110L, 0L, 5L, 10L, 15L, 20L, 200L, 205L, 30L, 40L)) {
            day.getData().add(new XYChart.Data<>(m, 30 + m % 7));
        }
        robot.interact(() -> {
            chart.span(0, 210);
            chart.maxGap(15);
            chart.getData().setAll(List.of(day));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(chart::layout);
        assertEquals(2, moves(day), "broken between 40 and 110 and between 110 and 200");
        assertEquals(0, chart.joinedGaps());
        robot.interact(() -> {
            chart.maxGap(Long.MAX_VALUE);
            chart.layout();
        });
        assertEquals(0, moves(day), "without a limit the line is continuous");
    }
}
