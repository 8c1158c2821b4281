package org.linli.platform.sheets;

import org.linli.platform.web.Problems;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Sheet problems as problem+json in every servlet service that has linli-sheets on its class path. */
@AutoConfiguration(afterName = "org.linli.platform.web.WebAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SheetsAutoConfiguration {

    @Bean
    RowReasons rowReasons(Problems problems) {
        return new RowReasons(problems);
    }

    @Bean
    SheetProblemHandler sheetProblemHandler(Problems problems, RowReasons reasons) {
        return new SheetProblemHandler(problems, reasons);
    }
}
