package org.manyi.surveys.internal;

import java.util.ArrayList;
import java.util.List;
import org.manyi.surveys.QuestionType;

/** Ready questionnaires a survey can start from. */
public enum SurveyTemplate {
  /** Likelihood to recommend, and why. */
  NPS_REASON,
  /** Satisfaction with a purchase, a few days after delivery. */
  CSAT_PURCHASE,
  /** Effort of a service contact. */
  CES_SERVICE,
  /** Satisfaction with how a complaint was handled. */
  POST_COMPLAINT,
  /**
   * The ECSI/ACSI questionnaire: image, expectation, perceived quality, perceived value,
   * satisfaction, complaints, loyalty; 10-point items tagged with their constructs.
   */
  ECSI;

  List<Question> questions() {
    return switch (this) {
      case NPS_REASON ->
          List.of(
              nps(), text("reason", "您给出这个分数的主要原因是什么？", "What is the main reason for your score?"));
      case CSAT_PURCHASE ->
          List.of(
              scored(
                  "csat",
                  QuestionType.CSAT,
                  "您对这次购物的整体满意程度如何？",
                  "How satisfied are you with this purchase overall?"),
              text("comment", "有什么需要我们改进的吗？", "Is there anything we should improve?"));
      case CES_SERVICE ->
          List.of(
              scored(
                  "ces",
                  QuestionType.CES,
                  "这家公司让我的问题处理起来很容易。",
                  "The company made it easy for me to handle my issue."),
              text("comment", "哪些地方让您觉得费力？", "What made it hard, if anything?"));
      case POST_COMPLAINT ->
          List.of(
              scored(
                  "csat",
                  QuestionType.CSAT,
                  "您对投诉的处理结果满意吗？",
                  "How satisfied are you with how your complaint was handled?"),
              scored(
                  "ces", QuestionType.CES, "解决这个问题很容易。", "It was easy to get my issue resolved."),
              nps(),
              text("comment", "还有什么想告诉我们的？", "Anything else you would like to tell us?"));
      case ECSI -> ecsi();
    };
  }

  private static Question nps() {
    return scored(
        "nps",
        QuestionType.NPS,
        "您有多大可能向朋友或同事推荐我们？",
        "How likely are you to recommend us to a friend or colleague?");
  }

  private static Question scored(String key, QuestionType type, String zh, String en) {
    return new Question(key, type, new LocalizedText(zh, en), null, true, null, null, null, null);
  }

  private static Question text(String key, String zh, String en) {
    return new Question(
        key, QuestionType.TEXT, new LocalizedText(zh, en), null, false, null, null, null, null);
  }

  private static Question item(String key, String construct, String zh, String en) {
    return new Question(
        key, QuestionType.RATING, new LocalizedText(zh, en), null, true, construct, 1, 10, null);
  }

  private static List<Question> ecsi() {
    List<Question> q = new ArrayList<>();
    q.add(item("IMAG1", "IMAG", "这是一家值得信赖的企业。", "It is a trustworthy company."));
    q.add(item("IMAG2", "IMAG", "这家企业稳定、地位稳固。", "It is a stable and firmly established company."));
    q.add(item("IMAG3", "IMAG", "这家企业为社会做出了贡献。", "It contributes to society."));
    q.add(item("IMAG4", "IMAG", "这家企业关心顾客。", "It is concerned with its customers."));
    q.add(item("IMAG5", "IMAG", "这家企业富有创新精神、面向未来。", "It is innovative and forward looking."));
    q.add(
        item(
            "CUEX1",
            "CUEX",
            "购买前，您对整体质量的期望。",
            "Before buying: your expectations of the overall quality."));
    q.add(
        item(
            "CUEX2",
            "CUEX",
            "购买前，您对产品和服务满足您需求程度的期望。",
            "Before buying: how well you expected it to meet your needs."));
    q.add(
        item(
            "CUEX3",
            "CUEX",
            "购买前，您对出错频率的期望（越高越少出错）。",
            "Before buying: how reliable you expected it to be."));
    q.add(item("PERQ1", "PERQ", "整体质量。", "Overall perceived quality."));
    q.add(item("PERQ2", "PERQ", "产品的技术质量。", "Technical quality of the product."));
    q.add(item("PERQ3", "PERQ", "个人服务与建议的质量。", "Quality of personal service and advice."));
    q.add(item("PERQ4", "PERQ", "门店与线上渠道的服务质量。", "Quality of the service in stores and online."));
    q.add(item("PERQ5", "PERQ", "产品与服务的可靠性。", "Reliability of products and services."));
    q.add(item("PERQ6", "PERQ", "产品与服务的多样性。", "Range of products and services."));
    q.add(item("PERQ7", "PERQ", "账单与价格信息的清晰透明。", "Clarity and transparency of prices and bills."));
    q.add(item("PERV1", "PERV", "以价格衡量的质量。", "Quality given the price you pay."));
    q.add(item("PERV2", "PERV", "以质量衡量的价格。", "Price given the quality you get."));
    q.add(item("CUSA1", "CUSA", "总体而言，您有多满意？", "Overall, how satisfied are you?"));
    q.add(item("CUSA2", "CUSA", "与您的期望相比如何？", "How does it compare with your expectations?"));
    q.add(item("CUSA3", "CUSA", "与理想中的企业相比如何？", "How does it compare with an ideal company?"));
    q.add(item("CUSCO", "CUSCO", "如果您曾投诉，投诉处理得如何？", "If you complained, how well was it handled?"));
    q.add(item("CUSL1", "CUSL", "您再次购买的可能性有多大？", "How likely are you to buy from us again?"));
    q.add(
        item(
            "CUSL2",
            "CUSL",
            "如果竞争对手便宜 10%，您仍会选择我们吗？",
            "Would you stay if a competitor were 10% cheaper?"));
    q.add(
        item("CUSL3", "CUSL", "您向他人推荐我们的可能性有多大？", "How likely are you to recommend us to others?"));
    return List.copyOf(q);
  }
}
