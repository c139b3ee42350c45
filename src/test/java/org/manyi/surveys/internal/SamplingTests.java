package org.manyi.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplingTests {

  record Person(String id, String city) {}

  private static List<Person> people(String city, int n) {
    return IntStream.range(0, n).mapToObj(i -> new Person(city + i, city)).toList();
  }

  @Test
  void allocatesProportionallyByLargestRemainder() {
    // 10 of 50/30/20 → exactly 5/3/2
    assertThat(Sampling.allocate(Map.of("A", 50, "B", 30, "C", 20), 10))
        .containsExactlyInAnyOrderEntriesOf(Map.of("A", 5, "B", 3, "C", 2));
    // 5 of 7/2/1: exact 3.5/1.0/0.5 → floors 3/1/0, the one left goes to the larger of the
    // two equal remainders (A)
    assertThat(Sampling.allocate(Map.of("A", 7, "B", 2, "C", 1), 5))
        .containsExactlyInAnyOrderEntriesOf(Map.of("A", 4, "B", 1, "C", 0));
    // 100 of 600/300/100 → 60/30/10
    assertThat(Sampling.allocate(Map.of("上海", 600, "北京", 300, "杭州", 100), 100))
        .containsExactlyInAnyOrderEntriesOf(Map.of("上海", 60, "北京", 30, "杭州", 10));
    // more than there are: everyone
    assertThat(Sampling.allocate(Map.of("A", 3, "B", 2), 9))
        .containsExactlyInAnyOrderEntriesOf(Map.of("A", 3, "B", 2));
  }

  @Test
  void randomSampleIsReproducibleWhateverTheOrderOfCandidates() {
    List<Person> all = new ArrayList<>(people("x", 200));
    List<Person> first = Sampling.random(all, 20, 42, Person::id);
    Collections.shuffle(all);
    List<Person> again = Sampling.random(all, 20, 42, Person::id);
    assertThat(first).hasSize(20).doesNotHaveDuplicates().isEqualTo(again);
    assertThat(Sampling.random(all, 20, 43, Person::id)).isNotEqualTo(first);
    assertThat(Sampling.random(all, 500, 42, Person::id)).hasSize(200);
  }

  @Test
  void stratifiedSampleTakesEachStratumsShare() {
    List<Person> all = new ArrayList<>();
    all.addAll(people("上海", 600));
    all.addAll(people("北京", 300));
    all.addAll(people("杭州", 100));
    List<Person> sample = Sampling.stratified(all, 100, 7, Person::id, Person::city);
    assertThat(sample).hasSize(100).doesNotHaveDuplicates();
    assertThat(sample.stream().filter(p -> p.city().equals("上海"))).hasSize(60);
    assertThat(sample.stream().filter(p -> p.city().equals("北京"))).hasSize(30);
    assertThat(sample.stream().filter(p -> p.city().equals("杭州"))).hasSize(10);
    Collections.reverse(all);
    assertThat(Sampling.stratified(all, 100, 7, Person::id, Person::city))
        .containsExactlyInAnyOrderElementsOf(sample);
  }
}
