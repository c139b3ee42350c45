package org.manyi.platform;

/** The body of a background job. Throwing fails the job with the exception's message. */
@FunctionalInterface
public interface JobWork {

  void run(JobContext context) throws Exception;
}
