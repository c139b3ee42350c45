package org.manyi.tasks.internal;

/** A task as lists show it, with the names of its customer and assignee. */
public record TaskView(Task task, String customerName, String assigneeName) {}
