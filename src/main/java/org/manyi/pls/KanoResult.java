package org.manyi.pls;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Kano classification of one attribute.
 *
 * @param attribute the attribute's name
 * @param responses answer pairs classified (pairs with a missing answer are not counted)
 * @param counts respondents per category, every category present (possibly 0)
 * @param dominant the most frequent category; ties go to the category with the stronger effect on
 *     satisfaction in the order must-be, one-dimensional, attractive, indifferent, reverse,
 *     questionable (Berger et al.'s M &gt; O &gt; A &gt; I rule); null when there are no responses
 * @param better satisfaction coefficient (A+O)/(A+O+M+I), null when that denominator is 0
 * @param worse dissatisfaction coefficient −(O+M)/(A+O+M+I), null when that denominator is 0
 */
public record KanoResult(
    String attribute,
    int responses,
    Map<KanoCategory, Integer> counts,
    @Nullable KanoCategory dominant,
    @Nullable Double better,
    @Nullable Double worse) {}
