package org.imagenetx.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmallCellsTest {
  @Test
  void boundariesOfTheRule() {
    assertThat(SmallCells.isSmall(29, 10)).isTrue();
    assertThat(SmallCells.isSmall(30, 5)).isFalse();
    assertThat(SmallCells.isSmall(1000, 4)).isTrue();
    assertThat(SmallCells.isSmall(0, 0)).isTrue();
    assertThat(SmallCells.NOTE).contains("30 images").contains("5 errors");
  }
}
