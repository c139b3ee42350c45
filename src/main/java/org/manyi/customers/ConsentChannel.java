package org.manyi.customers;

/** A channel through which a customer may or may not be contacted for marketing. */
public enum ConsentChannel {
  /** Email. */
  EMAIL,
  /** Text messages (短信). */
  SMS,
  /** WeChat messages. */
  WECHAT,
  /** Phone calls. */
  PHONE
}
