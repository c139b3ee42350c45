package org.manyi.cases.internal;

/** Where the feedback came in. */
public enum CaseChannel {
  /** A phone call. */
  PHONE,
  /** An email. */
  EMAIL,
  /** The self-service portal. */
  PORTAL,
  /** WeChat. */
  WECHAT,
  /** In a store. */
  STORE,
  /** Social media (Weibo, Douyin, ...). */
  SOCIAL,
  /** A survey answer. */
  SURVEY,
  /** Anything else. */
  OTHER
}
