package org.manyi.customers.internal;

/** Where a customer first came from. */
public enum SourceChannel {
  /** A physical store (门店). */
  STORE,
  /** The Tmall shop (天猫). */
  TMALL,
  /** The JD shop (京东). */
  JD,
  /** WeChat: official account, mini program or a salesperson's contacts (微信). */
  WECHAT,
  /** The company's own website (官网). */
  WEBSITE,
  /** Recommended by another customer (转介绍). */
  REFERRAL,
  /** Anything else (其他). */
  OTHER
}
