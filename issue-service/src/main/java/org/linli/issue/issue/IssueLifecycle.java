package org.linli.issue.issue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.issue.IssueClaimed;
import org.linli.events.issue.IssueClosed;
import org.linli.events.issue.IssueDispatched;
import org.linli.events.issue.IssueEscalated;
import org.linli.events.issue.IssueReopened;
import org.linli.events.issue.IssueResolved;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The lifecycle actions on an issue (派单, 认领, 到场, 办结, 回访, 挂账, 吹哨, 报到…) with their role and scope checks, and
 * a joint meeting's decisions. Each reads the issue, checks the version the caller saw (409 when stale), applies the
 * action to the aggregate and saves it with the events it recorded.
 */
@Service
public class IssueLifecycle {

    private final IssueRepository issues;
    private final IssueQueries queries;
    private final PhotoStore photos;
    private final DeadlinePolicy policy;
    private final Clock clock;

    IssueLifecycle(IssueRepository issues, IssueQueries queries, PhotoStore photos, DeadlinePolicy policy,
                   Clock clock) {
        this.issues = issues;
        this.queries = queries;
        this.photos = photos;
        this.policy = policy;
        this.clock = clock;
    }

    /** Checks that a meeting's decision can apply to the issue, without changing it. */
    public void checkMeetingDecision(String issueId, MeetingDecision decision) {
        IssueStatus status = queries.find(issueId).status();
        if (!decision.appliesTo(status)) {
            String verb = decision.name().toLowerCase(Locale.ROOT);
            throw new BusinessRuleViolation("illegal-transition", "cannot " + verb + " an issue that is " + status,
                    verb, status.name());
        }
    }

    /** Applies a joint meeting's decision: CLOSE closes the issue, REDIRECT hands it to a unit, FOLLOW_UP changes nothing. */
    public void applyMeetingDecision(String issueId, MeetingDecision decision, String redirectToUnitId,
                                     String summary, String actor) {
        switch (decision) {
            case CLOSE -> change(issueId, null, issue -> issue.closeByDecision(actor, summary, now()));
            case REDIRECT -> change(issueId, null, issue -> issue.redirect(redirectToUnitId, actor, policy, now()));
            case FOLLOW_UP -> {
                // recorded by the meeting; the issue stays as it is
            }
        }
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueDispatched.class,
            description = "an issue was assigned, or opened for claiming by party members"))
    Issue dispatch(Caller caller, String id, String assigneeAccountId, Severity severity, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireAdmin(caller, issue);
            issue.dispatch(assigneeAccountId, severity, policy, caller.accountId(), now());
        });
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueClaimed.class,
            description = "a party member or volunteer claimed an issue"))
    Issue claim(Caller caller, String id, Long version) {
        return change(id, version, issue -> {
            if (!caller.hasRole("PARTY_MEMBER") || !caller.covers(issue.communityPath())) {
                throw new AccessDeniedException("only party members of the community claim");
            }
            issue.claim(caller.accountId(), now());
        });
    }

    Issue arrive(Caller caller, String id, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireHandler(caller, issue);
            issue.arrive(caller.accountId(), now());
        });
    }

    Issue start(Caller caller, String id, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireHandler(caller, issue);
            issue.start(caller.accountId(), now());
        });
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueResolved.class,
            description = "an issue was resolved, awaiting the reporter"))
    Issue resolve(Caller caller, String id, String note, List<MultipartFile> files, Long version) {
        Issue current = queries.find(id);
        IssueAccess.requireHandler(caller, current);
        List<String> stored = photos.storeIds(photos.validate(files));
        try {
            return change(id, version, issue -> {
                IssueAccess.requireHandler(caller, issue);
                issue.resolve(caller.accountId(), IssueAccess.kindOf(caller, issue), note, stored, policy,
                        now());
            });
        } catch (RuntimeException e) {
            photos.delete(stored);
            throw e;
        }
    }

    /** The reporter rates, or staff record the callback (回访) they made by phone. */
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueClosed.class,
            description = "the reporter rated the issue (3-5 closes it)"))
    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueReopened.class,
            description = "a bad rating or not fixed reopened it"))
    Issue rate(Caller caller, String id, int stars, boolean fixed, String comment, Long version) {
        return change(id, version, issue -> {
            if (!issue.reportedBy(caller.accountId()) && !(IssueAccess.isAdmin(caller)
                    && caller.covers(issue.communityPath()))) {
                throw new AccessDeniedException("only the reporter or the community's admins rate");
            }
            issue.rate(stars, fixed, comment, caller.accountId(), policy, now());
        });
    }

    /** The rating of a reporter without an account, whose callback token {@link QrReports} has checked. */
    Issue rateByCallbackTokenHolder(String id, int stars, boolean fixed, String comment) {
        return change(id, null, issue -> issue.rate(stars, fixed, comment, null, policy, now()));
    }

    Issue hold(Caller caller, String id, String reason, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireAdmin(caller, issue);
            issue.hold(reason, caller.accountId(), now());
        });
    }

    Issue resume(Caller caller, String id, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireAdmin(caller, issue);
            issue.resume(caller.accountId(), now());
        });
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueClosed.class,
            description = "an issue was rejected (closed without handler)"))
    Issue reject(Caller caller, String id, String reason, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireAdmin(caller, issue);
            issue.reject(reason, caller.accountId(), now());
        });
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = IssueEscalated.class,
            description = "an issue was escalated one level (吹哨)"))
    Issue escalate(Caller caller, String id, Long version) {
        return change(id, version, issue -> {
            IssueAccess.requireAdmin(caller, issue);
            issue.whistle(caller.accountId(), policy, now());
        });
    }

    Issue checkIn(Caller caller, String id, Long version) {
        return change(id, version, issue -> {
            if (!IssueAccess.department(caller, issue)) {
                throw new AccessDeniedException("only the called department checks in");
            }
            issue.checkIn(caller.accountId(), now());
        });
    }

    /**
     * Merges a duplicate into the original. Two single-document saves: the duplicate first (it is the
     * one that changes state and publishes IssueClosed), then the original's list of merged reports; if
     * the second fails, the duplicate still points at the original by {@code duplicateOf}.
     */
    Issue merge(Caller caller, String id, String originalId, Long version) {
        Issue duplicate = queries.find(id);
        Issue original = queries.find(originalId);
        IssueAccess.requireAdmin(caller, duplicate);
        IssueAccess.requireAdmin(caller, original);
        checkVersion(duplicate, version);
        duplicate.mergeInto(original, caller.accountId(), now());
        Issue saved = issues.save(duplicate);
        issues.save(original);
        return saved;
    }

    private Issue change(String id, Long version, Consumer<Issue> action) {
        Issue issue = queries.find(id);
        checkVersion(issue, version);
        action.accept(issue);
        return issues.save(issue);
    }

    private static void checkVersion(Issue issue, Long version) {
        if (version != null && !version.equals(issue.version())) {
            throw new OptimisticLockingFailureException("issue " + issue.id() + " is at version " + issue.version());
        }
    }

    private Instant now() {
        return StoredTime.now(clock);
    }
}
