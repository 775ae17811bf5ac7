package org.nnplayground.playground.web;

import org.nnplayground.playground.web.ClientMessage.LeaveRoom;
import org.nnplayground.playground.web.ClientMessage.Load;
import org.nnplayground.playground.web.ClientMessage.LoadCsv;
import org.nnplayground.playground.web.ClientMessage.LoadRun;
import org.nnplayground.playground.web.ClientMessage.Resume;
import org.nnplayground.playground.web.ClientMessage.RoomRequest;
import org.nnplayground.playground.web.ClientMessage.Save;
import org.nnplayground.playground.web.ClientMessage.SessionCommand;
import org.nnplayground.playground.web.ClientMessage.Teach;
import org.nnplayground.playground.web.ClientMessage.TeacherRequest;
import org.nnplayground.playground.web.ClientMessage.Watch;

/** What a socket does with each kind of message (acknowledgements are taken by MessageGate first). */
interface MessageHandler {
    void load(Load m);

    /** A command the session runs on its turn. */
    void command(SessionCommand m);

    void loadCsv(LoadCsv m);

    void save(Save m);

    void loadRun(LoadRun m);

    void resume(Resume m);

    /** A class-room message other than {@code resume}. */
    void room(RoomRequest m);

    /** The class-room messages, one method each. */
    interface Room {
        void leave(LeaveRoom m);

        void teach(Teach m);

        void watch(Watch m);

        void classView(ClientMessage.ClassView m);

        void teacher(TeacherRequest m);
    }
}
