package org.linli.grid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** grid-service: grids and micro-grids with boundaries, grid workers, households, stations, notices, emergencies. */
@SpringBootApplication
public class GridServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GridServiceApplication.class, args);
    }
}
