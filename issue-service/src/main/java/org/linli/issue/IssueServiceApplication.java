package org.linli.issue;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** issue-service: resident issue tickets with 5341 deadlines, escalation, micro-wishes, joint meetings, Open311. */
@SpringBootApplication
public class IssueServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IssueServiceApplication.class, args);
    }
}
