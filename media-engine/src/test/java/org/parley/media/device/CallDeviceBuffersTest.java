package org.parley.media.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallDeviceBuffersTest {

  @AfterEach
  void clearProperty() {
    System.clearProperty(CallDeviceBuffers.PROPERTY);
  }

  @Test
  void hundredMillisecondLinesKeepThePreviousThresholds() {
    CallDeviceBuffers buffers = new CallDeviceBuffers(100);

    assertThat(buffers.primeMillis()).isEqualTo(60);
    assertThat(buffers.maxQueuedMillis()).isEqualTo(80);
    assertThat(buffers.maxBacklogMillis()).isEqualTo(60);
  }

  @Test
  void smallerLinesShrinkEveryThresholdDownToOneFrameOfPriming() {
    assertThat(new CallDeviceBuffers(60))
        .extracting(
            CallDeviceBuffers::primeMillis,
            CallDeviceBuffers::maxQueuedMillis,
            CallDeviceBuffers::maxBacklogMillis)
        .containsExactly(20, 40, 40);
    assertThat(new CallDeviceBuffers(80))
        .extracting(
            CallDeviceBuffers::primeMillis,
            CallDeviceBuffers::maxQueuedMillis,
            CallDeviceBuffers::maxBacklogMillis)
        .containsExactly(40, 60, 40);
  }

  @Test
  void linesTooSmallToSeeABacklogOrTooLargeAreRefused() {
    assertThatThrownBy(() -> new CallDeviceBuffers(59))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("60..500");
    assertThatThrownBy(() -> new CallDeviceBuffers(501))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePropertyOverridesTheDefaultsAndIsCheckedLikeAnyOtherValue() {
    assertThat(CallDeviceBuffers.configured()).isEqualTo(CallDeviceBuffers.DEFAULTS);

    System.setProperty(CallDeviceBuffers.PROPERTY, " 80 ");
    assertThat(CallDeviceBuffers.configured().lineMillis()).isEqualTo(80);

    System.setProperty(CallDeviceBuffers.PROPERTY, "fast");
    assertThatThrownBy(CallDeviceBuffers::configured)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CallDeviceBuffers.PROPERTY);
  }
}
