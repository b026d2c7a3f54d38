package org.exactsync.bench.lambda;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("bench")
class LambdaScenariosProbe {
    @Test
    void burst() throws Exception {
        MonthEndBurst.BurstFigures f = MonthEndBurst.run(WaitMode.valueOf(System.getProperty("mode", "DEADLINE_AWARE")));
        f.rows().forEach((k, v) -> System.out.println("ROW " + k + " = " + v));
    }
}
