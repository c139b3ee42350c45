package org.manyi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Manyi (满意): customer management and customer satisfaction, as one modular monolith. */
@SpringBootApplication
@EnableScheduling
public class ManyiApplication {

  public static void main(String[] args) {
    SpringApplication.run(ManyiApplication.class, args);
  }
}
