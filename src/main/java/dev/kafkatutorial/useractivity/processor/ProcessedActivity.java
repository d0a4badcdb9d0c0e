package dev.kafkatutorial.useractivity.processor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kafkatutorial.useractivity.UserActivity;

/**
 * The processor's output record: the input event's JSON, field for field, with one more field, its tutorial
 * sentence: {@code {"user_id": 123, "action": "login", "timestamp": 1646092800.123, "message": "🟢 사용자 123가
 * 로그인했습니다."}}. Any reader of events still reads it (unknown fields are ignored); the event itself knows
 * nothing of the processor.
 *
 * @param event   the input event, written as its own fields
 * @param message its sentence, in the processor's language
 */
public record ProcessedActivity(@JsonUnwrapped UserActivity event, @JsonProperty("message") String message) {
}
