package org.linli.org.member;

import java.time.Instant;

/** One move of a member's organisational relation from one unit to another (组织关系转接). */
public record Transfer(String fromUnitId, String toUnitId, Instant at, String reason) {
}
