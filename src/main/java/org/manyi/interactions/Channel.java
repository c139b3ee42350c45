package org.manyi.interactions;

/** Where a conversation with a customer took place. */
public enum Channel {
  /** A phone call. */
  PHONE,
  /** An email. */
  EMAIL,
  /** WeChat (微信), personal account or official account. */
  WECHAT,
  /** WeCom (企业微信). */
  WECOM,
  /** A visit, at the customer's or in a store. */
  VISIT,
  /** A text message. */
  SMS,
  /** The chat on a web shop or marketplace. */
  ONLINE_CHAT,
  /** Weibo, Xiaohongshu, Douyin and the like. */
  SOCIAL_MEDIA,
  /** Anything else. */
  OTHER
}
