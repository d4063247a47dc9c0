package org.parley.core.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplacesTest {

  @Test
  void parsesTheRfc3891ExampleWithItsAtSignInTheCallId() {
    Replaces replaces = Replaces.parse("425928@bobster.example.org;to-tag=7743;from-tag=6472");

    assertThat(replaces)
        .isEqualTo(new Replaces("425928@bobster.example.org", "7743", "6472", false));
  }

  @Test
  void parametersMayComeInAnyOrderAndCaseWithSpacesAndUnknownOnes() {
    Replaces replaces =
        Replaces.parse(" abc ; From-Tag = f1 ; x-custom=1 ; TO-TAG=t1 ; early-only ");

    assertThat(replaces).isEqualTo(new Replaces("abc", "t1", "f1", true));
  }

  @Test
  void formatsBackToTheHeaderValue() {
    assertThat(new Replaces("a@b", "t", "f", false).format()).isEqualTo("a@b;to-tag=t;from-tag=f");
    assertThat(new Replaces("a@b", "t", "f", true).format())
        .isEqualTo("a@b;to-tag=t;from-tag=f;early-only");
  }

  @Test
  void aMissingTagOrCallIdIsRefused() {
    assertThatThrownBy(() -> Replaces.parse("abc;to-tag=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from-tag");
    assertThatThrownBy(() -> Replaces.parse(";to-tag=1;from-tag=2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Replaces.parse("abc;to-tag=;from-tag=2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Replaces.parse("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTransferorsDialogIdNamesThePeersTagAsToTag() {
    // Bob called Carol: Bob's tag is local, Carol's remote. Carol compares to-tag with her own.
    DialogId bobsView = new DialogId("c1", "bob-tag", "carol-tag");
    DialogId carolsView = new DialogId("c1", "carol-tag", "bob-tag");

    Replaces replaces = bobsView.replaces();

    assertThat(replaces.toTag()).isEqualTo("carol-tag");
    assertThat(replaces.fromTag()).isEqualTo("bob-tag");
    assertThat(carolsView.matches(replaces)).isTrue();
    assertThat(bobsView.matches(replaces)).isFalse();
    assertThat(new DialogId("c2", "carol-tag", "bob-tag").matches(replaces)).isFalse();
  }
}
