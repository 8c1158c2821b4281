package org.linli.devstack.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The store's wire server: mongo-java-server's {@code MongoServer} pipeline, except that each connection's
 * commands run on a thread of their own, as MongoDB serves a connection, instead of on the event loop that reads
 * its socket.
 *
 * <p>{@code MongoServer} decodes, executes and encodes every command on one of 2 × cores event loops, each
 * shared by a quarter of the connections. One long command (a county's hour of issues for statistics, a sweep
 * reading its overdue issues) then held every other connection of its loop for as long: a service starting
 * meanwhile saw its handshake unanswered and gave up after the driver's 30 s server selection, and every request
 * whose query waited behind it on that loop took as long. Here the event loops only move bytes; a connection
 * waits for nothing but its own commands and the collection locks it needs. The pipeline is built by hand because
 * {@code MongoServer} offers no way to set a handler's executor.
 */
public final class StoreServer implements AutoCloseable {

    private final EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("store-accept", true), NioIoHandler.newFactory());
    private final EventLoopGroup sockets = new MultiThreadIoEventLoopGroup(0,
            new DefaultThreadFactory("store-io", true), NioIoHandler.newFactory());
    private final ThreadFactory commandThreads = new DefaultThreadFactory("store-connection", true);
    private final ChannelGroup connections = new DefaultChannelGroup("store-connections", GlobalEventExecutor.INSTANCE);
    private final Set<EventExecutor> connectionThreads = ConcurrentHashMap.newKeySet();
    private final MongoBackend backend;
    private final Channel listening;

    private StoreServer(MongoBackend backend, InetSocketAddress address) {
        this.backend = backend;
        try {
            this.listening = new ServerBootstrap()
                    .group(acceptor, sockets)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 100)
                    .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            servedOnItsOwnThread(channel);
                        }
                    })
                    .bind(address).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdownGroups();
            throw e;
        }
    }

    /** A server listening on {@code address} (port 0: a free one). */
    public static StoreServer listen(MongoBackend backend, InetSocketAddress address) {
        return new StoreServer(backend, address);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listening.localAddress();
    }

    private void servedOnItsOwnThread(SocketChannel channel) {
        EventExecutor commands = new DefaultEventExecutor(commandThreads);
        connectionThreads.add(commands);
        commands.terminationFuture().addListener(ended -> connectionThreads.remove(commands));
        channel.pipeline().addLast(commands, new CommandThreadRelease(), new MongoWireReplyEncoder(),
                new MongoWireMessageEncoder(), new MongoWireProtocolHandler(),
                new MongoDatabaseHandler(backend, connections), new MongoExceptionHandler());
    }

    /**
     * Ends a connection's command thread when its channel is done with it. A closed channel still sends its
     * inactive and unregistered events, and a close asked for later (the server's own), through the handlers on
     * that thread; ended at the close itself, the thread refused them and the server's close failed. Netty removes
     * a closed pipeline's handlers from the tail to the head, one executor hop at a time, so this one, nearest the
     * head of those on the thread, is the last of them to go.
     */
    private static final class CommandThreadRelease extends ChannelHandlerAdapter {
        @Override
        public void handlerRemoved(ChannelHandlerContext context) {
            context.executor().shutdownGracefully(0, 5, TimeUnit.SECONDS);
        }
    }

    /** Stops listening, closes every connection and then the backend. */
    @Override
    public void close() {
        listening.close().syncUninterruptibly();
        connections.close().syncUninterruptibly();
        // a connection's last events still pass between its thread and the event loops: end the loops after them
        connectionThreads.forEach(thread -> thread.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS));
        shutdownGroups();
        backend.close();
    }

    private void shutdownGroups() {
        acceptor.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        sockets.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
